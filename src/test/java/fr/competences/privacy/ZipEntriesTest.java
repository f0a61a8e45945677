package fr.competences.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipEntriesTest {

    @Test
    void keepsAReadableNameWithTheDetectedTypesExtension() {
        assertThat(ZipEntries.safeName("Rapport de stage.pdf", "1b2c.pdf")).isEqualTo("Rapport_de_stage.pdf");
        assertThat(ZipEntries.safeName("Évaluation é.PDF", "1b2c.pdf")).isEqualTo("Évaluation_é.PDF");
    }

    @Test
    void aNameThatClaimsAnotherTypeGetsTheDetectedOne() {
        assertThat(ZipEntries.safeName("notes.js", "1b2c.txt")).isEqualTo("notes.js.txt");
        assertThat(ZipEntries.safeName("facture\u202Efdp.exe", "1b2c.pdf")).isEqualTo("facture_fdp.exe.pdf");
    }

    @Test
    void neverLeavesTheEvidenceFolder() {
        assertThat(ZipEntries.safeName("../../etc/passwd", "1b2c.txt")).isEqualTo("etc_passwd.txt");
        assertThat(ZipEntries.safeName("..", "1b2c.png")).isEqualTo("fichier.png");
        assertThat(ZipEntries.safeName(null, "1b2c.png")).isEqualTo("fichier.png");
    }
}
