package fr.competences.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.audit.Actor;
import fr.competences.audit.AuditAction;
import fr.competences.audit.AuditLine;
import fr.competences.view.Pages;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words a teacher reads for a line's plain values, in French and English. */
class SentencesTest {

    final Map<String, String> french = new Pages().texts(Locale.FRENCH);
    final Map<String, String> english = new Pages().texts(Locale.ENGLISH);

    @Test
    void theRetentionReadsAsADuration() {
        assertThat(Sentences.retention("P1Y", french)).isEqualTo("1 an");
        assertThat(Sentences.retention("P2Y6M", english)).isEqualTo("2 years 6 months");
        assertThat(Sentences.retention("P90D", french)).isEqualTo("90 jours");
        assertThat(Sentences.retention("PT12H", french)).as("not a calendar period: as configured").isEqualTo("PT12H");
    }

    @Test
    void eachActionSaysWhatHappenedInTheReadersLanguage() {
        assertThat(Sentences.details(line(AuditAction.POSITIONS_CHANGED, "B2.1, B2.2.1", null, "comment"), french))
                .isEqualTo("B2.1, B2.2.1 + commentaire");
        assertThat(Sentences.details(line(AuditAction.POSITIONS_CHANGED, "", null, "comment"), english))
                .isEqualTo("comment");
        assertThat(Sentences.details(line(AuditAction.GRADE_SENT, "column B2", "FAILED", "withdrawn, HTTP 400"), french))
                .isEqualTo("refusée — note retirée, HTTP 400 — colonne B2");
        assertThat(Sentences.details(line(AuditAction.EVIDENCE_ADDED, "evidence 7", null, "FILE image/png, 12 bytes"),
                english)).isEqualTo("file #7 (image/png, 12 bytes)");
        assertThat(Sentences.details(line(AuditAction.EXPORT, "class-progress.csv", null, null), french))
                .isEqualTo("Progression de la classe (CSV)");
        assertThat(Sentences.details(line(AuditAction.LAUNCH, "deep-linking", null, null), english))
                .isEqualTo("content selection");
    }

    private static AuditLine line(AuditAction action, String target, String outcome, String detail) {
        return new AuditLine(1, Instant.EPOCH, action, Actor.USER, 1L, "TEACHER", null, 2L, 3L, 4L, target, outcome,
                detail);
    }
}
