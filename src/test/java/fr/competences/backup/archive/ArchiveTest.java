package fr.competences.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's format: what the server writes, the commands read whole or refuse. */
class ArchiveTest {

    static final Instant CREATED = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    /** An archive as the server writes it: a database file and two evidence files. */
    static Path archive(Path dir, DatabaseKind kind) throws IOException {
        Path database = Files.writeString(dir.resolve("db-source"), "base de données");
        Path pdf = Files.writeString(dir.resolve("a.pdf"), "%PDF-1.4 rapport");
        Path png = Files.write(dir.resolve("b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path archive = dir.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            ArchiveWriter writer = new ArchiveWriter(out, kind);
            writer.database(database);
            writer.evidence("11111111-aaaa.pdf", pdf);
            writer.evidence("22222222-bbbb.png", png);
            writer.finish(CREATED, "22");
        }
        return archive;
    }

    @Test
    void readsBackWhatWasWrittenWithTheChecksumOfEveryEntry() throws Exception {
        Path archive = archive(dir, DatabaseKind.H2);
        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            reader.verify();
            Manifest manifest = reader.manifest();
            assertThat(manifest.database()).isEqualTo(DatabaseKind.H2);
            assertThat(manifest.createdAt()).isEqualTo(CREATED);
            assertThat(manifest.schemaVersion()).isEqualTo("22");
            assertThat(manifest.evidenceSha256()).containsOnlyKeys("11111111-aaaa.pdf", "22222222-bbbb.png");
            assertThat(manifest.evidenceSha256().get("11111111-aaaa.pdf")).isEqualTo(sha256("%PDF-1.4 rapport"));

            Path restored = dir.resolve("restored");
            reader.extractEvidence(restored.resolve("evidence"));
            reader.extractDatabase(restored.resolve("competences.mv.db"));
            assertThat(restored.resolve("evidence/11111111-aaaa.pdf")).hasContent("%PDF-1.4 rapport");
            assertThat(Files.readAllBytes(restored.resolve("evidence/22222222-bbbb.png")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b.png")));
            assertThat(restored.resolve("competences.mv.db")).hasContent("base de données");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("evidence"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    restored.resolve("evidence/11111111-aaaa.pdf")))).isEqualTo("rw-------");
        }
    }

    @Test
    void theManifestComesLastSoThatAnArchiveCutShortIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(archive(dir, DatabaseKind.H2));
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length - 200));

        assertThatThrownBy(() -> ArchiveReader.open(cut)).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).fr()).contains("n'est pas une archive ZIP complète"));
    }

    @Test
    void refusesAnEntryTheManifestDoesNotListSuchAsAPathLeavingTheDirectory() throws Exception {
        Path archive = dir.resolve("slip.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("database/competences.mv.db"));
            zip.write("db".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("evidence/../../.bashrc"));
            zip.write("rm -rf ~".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(new Manifest(1, DatabaseKind.H2, CREATED, "22", sha256("db"), java.util.Map.of()).toBytes());
            zip.closeEntry();
        }

        assertThatThrownBy(() -> ArchiveReader.open(archive)).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("evidence/../../.bashrc", "modified"));
    }

    @Test
    void refusesAnArchiveWithoutManifestOrMissingAListedFile() throws Exception {
        Path plain = dir.resolve("plain.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
            zip.putNextEntry(new ZipEntry("competences.mv.db"));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ArchiveReader.open(plain)).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("no backup.properties"));

        Path missing = dir.resolve("missing.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(missing))) {
            zip.putNextEntry(new ZipEntry("database/competences.mv.db"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(new Manifest(1, DatabaseKind.H2, CREATED, "22", sha256(""),
                    java.util.Map.of("33333333.pdf", sha256("x"))).toBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ArchiveReader.open(missing)).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("evidence/33333333.pdf", "missing"));
    }

    @Test
    void aChangedFileFailsItsChecksumAndIsNotWritten() throws Exception {
        Path archive = dir.resolve("changed.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("database/postgresql.dump"));
            zip.write("dump".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("evidence/44444444.pdf"));
            zip.write("%PDF-1.4 changed".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(new Manifest(1, DatabaseKind.POSTGRESQL, CREATED, "22", sha256("dump"),
                    java.util.Map.of("44444444.pdf", sha256("%PDF-1.4 original"))).toBytes());
            zip.closeEntry();
        }
        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            assertThatThrownBy(reader::verify).isInstanceOf(CommandException.class)
                    .satisfies(e -> assertThat(((CommandException) e).en()).contains("evidence/44444444.pdf", "damaged"));
            assertThatThrownBy(() -> reader.extractEvidence(dir.resolve("out"))).isInstanceOf(CommandException.class);
            try (var left = Files.list(dir.resolve("out"))) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void anArchiveFromANewerFormatIsRefusedWithWhatToDo() throws Exception {
        Path archive = dir.resolve("newer.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write("format=2\ndatabase=h2\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ArchiveReader.open(archive)).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("newer version"));
    }

    static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
