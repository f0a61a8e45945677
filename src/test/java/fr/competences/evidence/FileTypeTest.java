package fr.competences.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
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
    void tellsOfficeDocumentsFromPlainArchives() throws IOException {
        assertThat(FileType.of(zip("mimetype", "word/document.xml"))).contains(FileType.OPEN_DOCUMENT);
        assertThat(FileType.of(zip("[Content_Types].xml", "word/document.xml"))).contains(FileType.OFFICE_OPEN_XML);
        assertThat(FileType.of(zip("src/Main.java"))).contains(FileType.ZIP);
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
}
