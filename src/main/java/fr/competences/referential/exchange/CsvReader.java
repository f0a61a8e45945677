package fr.competences.referential.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records as spreadsheets write them: optional UTF-8 BOM, {@code ,} or {@code ;} (French Excel)
 * delimiter, CRLF or LF, quoted fields with doubled quotes and line breaks. Blank lines are skipped.
 */
final class CsvReader {

    /** One record and the line it starts on. */
    record Row(int line, List<String> fields) {
        String location() {
            return "ligne " + line;
        }
    }

    private final String text;
    private final char delimiter;
    private final List<Row> rows = new ArrayList<>();
    private List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int line = 1;
    private int rowLine = 1;

    private CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.delimiter = detectDelimiter(this.text);
    }

    static List<Row> rows(String text, Problems problems) {
        CsvReader reader = new CsvReader(text);
        reader.read(problems);
        return reader.rows;
    }

    /** The header names hold neither delimiter, so the more frequent one in the first line wins. */
    private static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
    }

    private void read(Problems problems) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                int quoteLine = line;
                i = readQuoted(i + 1);
                if (i < 0) {
                    problems.add("ligne " + quoteLine, "Guillemet ouvert et jamais fermé : ajoutez le \" "
                                    + "qui termine ce champ (un \" dans le texte s'écrit \"\").",
                            "Quote opened and never closed: add the \" that ends this field "
                                    + "(a \" inside the text is written \"\").");
                    return;
                }
            } else if (c == delimiter) {
                endField();
            } else if (c == '\n' || c == '\r') {
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 1 : 0;
                endRow();
                line++;
                rowLine = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (!fields.isEmpty() || !field.isEmpty()) {
            endRow();
        }
    }

    /** Reads a quoted field from after its opening quote; the index of its closing quote, or -1. */
    private int readQuoted(int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                return i;
            } else {
                line += c == '\n' ? 1 : 0;
                field.append(c);
            }
        }
        return -1;
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void endRow() {
        endField();
        if (fields.stream().anyMatch(value -> !value.isBlank())) {
            rows.add(new Row(rowLine, fields));
        }
        fields = new ArrayList<>();
    }
}
