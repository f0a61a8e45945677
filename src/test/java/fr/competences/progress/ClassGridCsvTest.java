package fr.competences.progress;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassGridCsvTest {

    static final Map<String, String> TEXTS = Map.of("progress_student", "Étudiant", "progress_csv_status", "Statut",
            "progress_class_proficient", "Acquises", "grid_not_assessed", "Non évalué",
            "progress_status_Inactive", "Inactif");

    @Test
    void oneRowPerStudentOneColumnPerSkillAsFrenchSpreadsheetsReadIt() {
        var grid = new Progress.ClassProgress("BTS SIO 1", MasteryRule.LATEST, Scale.DEFAULT, List.of(
                new ProgressTree.BlocColumns("B2", "Conception", List.of(new ProgressTree.Column("B2.1", "Concevoir"),
                        new ProgressTree.Column("B2.2", "Maintenir « la » solution")))),
                List.of(row(1, "Alan Turing", null, Map.of("B2.1", mastery("Acquis", true))),
                        row(2, "=HYPERLINK(\"x\")", "Inactive", Map.of("B2.2", mastery("Non acquis", false)))));
        String csv = ClassGridCsv.of(grid, TEXTS);
        assertThat(csv).startsWith("\uFEFF").endsWith("\r\n");
        assertThat(csv.substring(1).split("\r\n")).containsExactly(
                "\"Étudiant\";\"Statut\";\"B2.1 Concevoir\";\"B2.2 Maintenir « la » solution\";\"Acquises\"",
                "\"Alan Turing\";\"\";\"Acquis\";\"Non évalué\";\"1 / 2\"",
                // a name a spreadsheet would run as a formula stays text, quotes doubled
                "\"'=HYPERLINK(\"\"x\"\")\";\"Inactif\";\"Non évalué\";\"Non acquis\";\"0 / 2\"");
    }

    @Test
    void cellsASpreadsheetWouldEvaluateStayText() {
        assertThat(List.of("=1+1", "+33 6", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "Ada", ""))
                .map(ClassGridCsv::neutralised)
                .containsExactly("'=1+1", "'+33 6", "'-2", "'@SUM(A1)", "'\tcmd", "'\rcmd", "Ada", "");
    }

    static Progress.StudentRow row(long id, String name, String status, Map<String, ProgressTree.SkillMastery> masteries) {
        return new Progress.StudentRow(new Progress.Student(id, name, status), new LinkedHashMap<>(masteries));
    }

    static ProgressTree.SkillMastery mastery(String label, boolean proficient) {
        return new ProgressTree.SkillMastery(BigDecimal.ONE, 1, label, proficient);
    }
}
