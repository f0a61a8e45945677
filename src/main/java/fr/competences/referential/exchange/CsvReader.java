package fr.competences.referential.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 records as spreadsheets write them, read by Commons CSV: optional UTF-8 BOM, {@code ,} or {@code ;}
 * (French Excel) delimiter, CRLF or LF, quoted fields with doubled quotes and line breaks, text after a closing
 * quote kept as spreadsheets do. Blank lines are skipped; each record keeps the line it starts on, for the problems
 * reported to the user.
 */
final class CsvReader {

    /** One record and the line it starts on. */
    record Row(int line, List<String> fields) {
        String location() {
            return "ligne " + line;
        }
    }

    private CsvReader() {
    }

    static List<Row> rows(String text, Problems problems) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(detectDelimiter(content))
                .setIgnoreEmptyLines(false).setTrailingData(true).get();
        List<Row> rows = new ArrayList<>();
        int line = 1;
        try (CSVParser parser = CSVParser.parse(content, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            // The parser reads a record when asked for the next one: the lines consumed so far tell where it starts.
            while (records.hasNext()) {
                List<String> fields = records.next().toList();
                if (fields.stream().anyMatch(value -> !value.isBlank())) {
                    rows.add(new Row(line, fields));
                }
                line = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IOException e) {
            // Reading a string with trailing data allowed, the parser's one refusal is a quote that never closes.
            problems.add("ligne " + line, "Guillemet ouvert et jamais fermé : ajoutez le \" "
                            + "qui termine ce champ (un \" dans le texte s'écrit \"\").",
                    "Quote opened and never closed: add the \" that ends this field "
                            + "(a \" inside the text is written \"\").");
        }
        return rows;
    }

    /** The header names hold neither delimiter, so the more frequent one in the first line wins. */
    private static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
    }
}
