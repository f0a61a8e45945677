package fr.competences.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    @Test
    void recognisesDocumentsAndImagesFromTheirFirstBytes() {
        assertThat(FileType.of("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
        assertThat(FileType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(FileType.PNG);
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(FileType.JPEG);
        assertThat(FileType.of("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(FileType.GIF);
        assertThat(FileType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(FileType.WEBP);
        assertThat(FileType.of("Compte rendu de TP : l’API répond.\n".getBytes(StandardCharsets.UTF_8)))
                .contains(FileType.TEXT);
    }

    @Test
    void tellsEachKindOfOfficeDocumentFromPlainArchives() throws IOException {
        assertThat(FileType.of(openDocument("application/vnd.oasis.opendocument.text"))).contains(FileType.ODT);
        assertThat(FileType.of(openDocument("application/vnd.oasis.opendocument.spreadsheet"))).contains(FileType.ODS);
        assertThat(FileType.of(openDocument("application/vnd.oasis.opendocument.presentation"))).contains(FileType.ODP);
        assertThat(FileType.of(openDocument("application/vnd.oasis.opendocument.text-template"))).contains(FileType.ODT);
        assertThat(FileType.of(zip("[Content_Types].xml", "word/document.xml"))).contains(FileType.DOCX);
        assertThat(FileType.of(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
                .as("a macro-enabled .docm is stored as .docx, which Word will not run").contains(FileType.DOCX);
        assertThat(FileType.of(zip("[Content_Types].xml", "xl/workbook.xml"))).contains(FileType.XLSX);
        assertThat(FileType.of(zip("[Content_Types].xml", "ppt/presentation.xml"))).contains(FileType.PPTX);
        assertThat(FileType.of(zip("META-INF/MANIFEST.MF", "fr/App.class"))).as("a .jar").contains(FileType.ZIP);
        assertThat(FileType.of(zip("mimetype", "content.xml"))).as("a deflated mimetype is no OpenDocument")
                .contains(FileType.ZIP);
    }

    @Test
    void refusesExecutablesMarkupBinaryAndEmptyFilesWhateverTheirName() {
        assertThat(FileType.of(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})).isEmpty();
        assertThat(FileType.of(new byte[] {0x7F, 'E', 'L', 'F', 2, 1})).isEmpty();
        assertThat(FileType.of("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.of("  <svg onload=\"x()\"/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.of(new byte[] {(byte) 0xC3, 0x28})).as("invalid UTF-8").isEmpty();
        assertThat(FileType.of(new byte[] {'P', 'K', 3, 4, 0, 0})).as("corrupt ZIP").isEmpty();
        assertThat(FileType.of(new byte[0])).isEmpty();
    }

    @Test
    void aZipBombIsListedFromItsDirectoryWithoutInflatingIt() throws IOException {
        byte[] bomb = ZipBomb.of(9, 1024);

        assertThat(bomb.length).isBetween(8_000_000, 10 * 1024 * 1024);
        assertThat(FileType.of(bomb)).contains(FileType.ZIP);
        assertThat(ZipListing.of(bomb).orElseThrow().declaredSize()).isEqualTo(9L << 30);
        assertThat(ZipListing.of(bomb).orElseThrow().declaredSize()).isGreaterThan(Evidences.MAX_INFLATED_BYTES);
        // the generated archive is a real one: its first mebibytes inflate to zeros
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bomb))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("zeros-0.bin");
            byte[] start = zip.readNBytes(3 * 1024 * 1024);
            assertThat(start).hasSize(3 * 1024 * 1024).containsOnly(0);
        }
    }

    @Test
    void archivesOfEntriesSaying4GiBOrMoreCountAsTooLarge() {
        byte[] zip64 = ZipBomb.of(1, 1);
        // the central directory's uncompressed size set to the ZIP64 marker
        int directory = indexOf(zip64, new byte[] {'P', 'K', 1, 2});
        for (int i = 0; i < 4; i++) {
            zip64[directory + 24 + i] = (byte) 0xFF;
        }
        assertThat(ZipListing.of(zip64).orElseThrow().declaredSize()).isGreaterThan(0xFFFFFFFFL);
    }

    @Test
    void archivesWithTooManyEntriesOrABrokenDirectoryAreNotRecognised() throws IOException {
        String[] names = new String[ZipListing.MAX_ENTRIES + 1];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
        }
        assertThat(FileType.of(zip(names))).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(zip("a.txt", "b.txt"), 60);
        assertThat(FileType.of(truncated)).isEmpty();
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An OpenDocument as office suites write it: a first entry "mimetype", stored, holding the document's type. */
    static byte[] openDocument(String mimetype) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i <= bytes.length - part.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
