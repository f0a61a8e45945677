package fr.competences.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recovered browser secret counts only when the tool's own page posted it (login CSRF otherwise). */
class RecoveredSecretTest {

    static final String TOOL = "https://competences.lycee.fr";

    @Test
    void theToolsRecoveryPageIsBelieved() {
        assertThat(RecoveredSecret.of("s3cr3t", "same-origin", TOOL, TOOL)).hasValue("s3cr3t");
        assertThat(RecoveredSecret.of("s3cr3t", null, TOOL, TOOL)).as("a browser without Fetch Metadata").hasValue("s3cr3t");
    }

    @Test
    void anotherSitesPageIsNot() {
        assertThat(RecoveredSecret.of("s3cr3t", "cross-site", "https://evil.example", TOOL)).isEmpty();
        assertThat(RecoveredSecret.of("s3cr3t", "same-site", "https://other.lycee.fr", TOOL)).isEmpty();
        assertThat(RecoveredSecret.of("s3cr3t", "none", null, TOOL)).as("typed or bookmarked").isEmpty();
        assertThat(RecoveredSecret.of("s3cr3t", null, "https://evil.example", TOOL)).isEmpty();
        assertThat(RecoveredSecret.of("s3cr3t", null, "null", TOOL)).isEmpty();
        assertThat(RecoveredSecret.of("s3cr3t", null, null, TOOL)).as("nothing says where it comes from").isEmpty();
        // Fetch Metadata wins over an Origin that would match
        assertThat(RecoveredSecret.of("s3cr3t", "cross-site", TOOL, TOOL)).isEmpty();
    }

    @Test
    void noSecretIsNoSecret() {
        assertThat(RecoveredSecret.of(null, "same-origin", TOOL, TOOL)).isEmpty();
        assertThat(RecoveredSecret.of(" ", "same-origin", TOOL, TOOL)).isEmpty();
    }
}
