package fr.competences.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The class grid as a spreadsheet file, for the teacher's own tables: one row per student, one column per skill (its
 * mastery's label), as French spreadsheets open it (semicolons, CRLF, a byte order mark so that accents survive).
 * A cell that a spreadsheet would take for a formula is kept as text ({@link #readAsFormula}).
 */
final class ClassGridCsv {

    private ClassGridCsv() {
    }

    /** {@code t}: the page texts of the teacher's language. */
    static String of(Progress.ClassProgress grid, Map<String, String> t) {
        List<ProgressTree.Column> skills = grid.blocs().stream().flatMap(bloc -> bloc.skills().stream()).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(t.get("progress_student"), t.get("progress_csv_status")));
        skills.forEach(skill -> header.add(skill.code() + " " + skill.title()));
        header.add(t.get("progress_class_proficient"));
        rows.add(header);
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
            rows.add(row);
        }
        return "\uFEFF" + rows.stream().map(row -> row.stream().map(ClassGridCsv::cell)
                .collect(Collectors.joining(";"))).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (readAsFormula(text)) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /**
     * Whether a spreadsheet may run the text as a formula (CSV injection, OWASP): it starts with =, +, - or @, or with
     * a tab or carriage return, which some spreadsheets skip before reading one of those. Names and titles come from
     * the LMS and from imported référentiels, so from people other than the teacher who opens the file.
     */
    static boolean readAsFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
