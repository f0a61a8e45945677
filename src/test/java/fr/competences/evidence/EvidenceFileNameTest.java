package fr.competences.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceFileNameTest {

    @Test
    void keepsTheLastPathSegmentWithoutInvisibleOrForbiddenCharacters() {
        assertThat(EvidenceFileName.clean("C:\\Users\\eva\\compte rendu.pdf")).contains("compte rendu.pdf");
        assertThat(EvidenceFileName.clean("../../etc/passwd")).contains("passwd");
        assertThat(EvidenceFileName.clean("photo\u202Egpj.exe")).as("right-to-left override").contains("photogpj.exe");
        assertThat(EvidenceFileName.clean("a\u2066b\u2069\u200Fc\u061C.txt")).contains("abc.txt");
        assertThat(EvidenceFileName.clean("ligne\r\nsuivante\u0000.txt")).contains("lignesuivante.txt");
        assertThat(EvidenceFileName.clean("quoi?<moi>*.txt")).contains("quoi__moi__.txt");
        assertThat(EvidenceFileName.clean("  .cache.  ")).contains("cache");
        assertThat(EvidenceFileName.clean("Évaluation été 2026 — TP n°3 🙂.odt")).contains("Évaluation été 2026 — TP n°3 🙂.odt");
    }

    @Test
    void nothingVisibleIsNoName() {
        for (String nothing : new String[] {null, "", "/", "\\", "..", "\u0000", "\u202E", " / ", "dossier/"}) {
            assertThat(EvidenceFileName.clean(nothing)).as(String.valueOf(nothing)).isEmpty();
        }
    }

    @Test
    void theNameEndsWithAnExtensionOfTheDetectedType() {
        assertThat(EvidenceFileName.forType("tp.js", FileType.TEXT)).isEqualTo("tp.js.txt");
        assertThat(EvidenceFileName.forType("lancer.bat", FileType.TEXT)).isEqualTo("lancer.bat.txt");
        assertThat(EvidenceFileName.forType("appli.hta", FileType.TEXT)).isEqualTo("appli.hta.txt");
        assertThat(EvidenceFileName.forType("rapport.docm", FileType.DOCX)).isEqualTo("rapport.docm.docx");
        assertThat(EvidenceFileName.forType("jeu.jar", FileType.ZIP)).isEqualTo("jeu.jar.zip");
        assertThat(EvidenceFileName.forType("rapport.exe", FileType.PDF)).isEqualTo("rapport.exe.pdf");
        assertThat(EvidenceFileName.forType("sans extension", FileType.PNG)).isEqualTo("sans extension.png");
        assertThat(EvidenceFileName.forType("Main.java", FileType.TEXT)).isEqualTo("Main.java");
        assertThat(EvidenceFileName.forType("photo.JPEG", FileType.JPEG)).isEqualTo("photo.JPEG");
        assertThat(EvidenceFileName.forType("tableau.xlsx", FileType.XLSX)).isEqualTo("tableau.xlsx");
    }

    @Test
    void aLongNameKeepsItsExtensionWithin255Characters() {
        String named = EvidenceFileName.forType(EvidenceFileName.clean("a".repeat(300) + ".js").orElseThrow(),
                FileType.TEXT);
        assertThat(named).hasSize(255).endsWith(".txt");
    }

    @Test
    void filesStoredBeforeTheKindsWereToldApartKeepTheirFamily() {
        assertThat(FileType.ofStored("application/octet-stream", "x.docx", "tableau.xlsx")).isEqualTo(FileType.XLSX);
        assertThat(FileType.ofStored("application/octet-stream", "x.docx", "script.js")).isEqualTo(FileType.DOCX);
        assertThat(FileType.ofStored("application/octet-stream", "x.odt", "diapos.odp")).isEqualTo(FileType.ODP);
        assertThat(FileType.ofStored("text/plain; charset=UTF-8", "x.txt", "a.js")).isEqualTo(FileType.TEXT);
    }
}
