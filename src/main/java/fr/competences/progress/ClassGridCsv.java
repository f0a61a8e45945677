package fr.competences.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The class grid as a spreadsheet file, for the teacher's own tables: one row per student, one column per skill (its
 * mastery's label), as French spreadsheets open it (semicolons, CRLF, a byte order mark so that accents survive).
 * A cell that a spreadsheet would take for a formula is kept as text ({@link #neutralised}).
 */
final class ClassGridCsv {

    private static final CSVFormat FRENCH_SPREADSHEET = CSVFormat.RFC4180.builder().setDelimiter(';')
            .setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();
    /** What makes Excel or LibreOffice evaluate a cell (OWASP's CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private ClassGridCsv() {
    }

    /** {@code t}: the page texts of the teacher's language. */
    static String of(Progress.ClassProgress grid, Map<String, String> t) {
        List<ProgressTree.Column> skills = grid.blocs().stream().flatMap(bloc -> bloc.skills().stream()).toList();
        StringBuilder csv = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = FRENCH_SPREADSHEET.print(csv)) {
            List<String> header = new ArrayList<>(List.of(t.get("progress_student"), t.get("progress_csv_status")));
            skills.forEach(skill -> header.add(skill.code() + " " + skill.title()));
            header.add(t.get("progress_class_proficient"));
            printRow(printer, header);
            for (Progress.StudentRow student : grid.students()) {
                List<String> row = new ArrayList<>();
                row.add(student.student().name());
                row.add(student.student().active() ? "" : t.get("progress_status_" + student.student().status()));
                long proficient = 0;
                for (ProgressTree.Column skill : skills) {
                    ProgressTree.SkillMastery mastery = student.masteries().get(skill.code());
                    boolean assessed = mastery != null && mastery.assessed();
                    row.add(assessed ? mastery.label() : t.get("grid_not_assessed"));
                    proficient += assessed && mastery.proficient() ? 1 : 0;
                }
                row.add(proficient + " / " + skills.size());
                printRow(printer, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return csv.toString();
    }

    private static void printRow(CSVPrinter printer, List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(ClassGridCsv::neutralised).toList());
    }

    /** A cell a spreadsheet would evaluate gets a leading apostrophe, which the spreadsheet shows as text. */
    static String neutralised(String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
