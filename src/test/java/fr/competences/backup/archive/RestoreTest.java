package fr.competences.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore command on H2 archives: into an empty DATA_DIR only, the same database kind only, all or nothing. */
class RestoreTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Restore restore(Map<String, String> environment) {
        return new Restore(new CommandEnvironment(environment::get), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void putsTheDatabaseAndTheEvidenceFilesWhereTheApplicationReadsThemOwnerOnly() throws Exception {
        Path archive = ArchiveTest.archive(dir, DatabaseKind.H2);
        Path dataDir = dir.resolve("new/data");

        restore(Map.of("DATA_DIR", dataDir.toString())).run(archive);

        assertThat(dataDir.resolve("competences.mv.db")).hasContent("base de données");
        assertThat(dataDir.resolve("evidence/11111111-aaaa.pdf")).hasContent("%PDF-1.4 rapport");
        assertThat(dataDir.resolve("evidence/22222222-bbbb.png")).exists();
        try (var files = Files.list(dataDir.resolve("evidence"))) {
            assertThat(files).hasSize(2); // no .part left
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("competences.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Restauré", "2 fichier(s) de preuves", "PUBLIC_URL");
    }

    @Test
    void refusesADataDirectoryThatHoldsAnythingAndLeavesItAsItWas() throws Exception {
        Path archive = ArchiveTest.archive(dir, DatabaseKind.H2);
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        Files.writeString(dataDir.resolve("competences.mv.db"), "la base de production");

        assertThatThrownBy(() -> restore(Map.of("DATA_DIR", dataDir.toString())).run(archive))
                .isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).fr()).contains("n'est pas vide", "competences.mv.db"));
        assertThat(dataDir.resolve("competences.mv.db")).hasContent("la base de production");
        try (var files = Files.list(dataDir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void anEmptyVolumeWithItsLostAndFoundIsEmpty() throws Exception {
        Path archive = ArchiveTest.archive(dir, DatabaseKind.H2);
        Path dataDir = Files.createDirectories(dir.resolve("volume/lost+found")).getParent();

        restore(Map.of("DATA_DIR", dataDir.toString())).run(archive);

        assertThat(dataDir.resolve("competences.mv.db")).exists();
    }

    @Test
    void refusesAnArchiveOfTheOtherDatabase() throws Exception {
        Path h2 = ArchiveTest.archive(Files.createDirectories(dir.resolve("h2")), DatabaseKind.H2);
        Path postgres = ArchiveTest.archive(Files.createDirectories(dir.resolve("pg")), DatabaseKind.POSTGRESQL);
        Map<String, String> onPostgres = new HashMap<>(Map.of("DATA_DIR", dir.resolve("a").toString(),
                "DB_URL", "jdbc:postgresql://localhost/empty"));

        assertThatThrownBy(() -> restore(onPostgres).run(h2)).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("comes from a H2 database",
                        "DB_URL unset"));
        assertThatThrownBy(() -> restore(Map.of("DATA_DIR", dir.resolve("b").toString())).run(postgres))
                .isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("PostgreSQL", "empty database"));
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void aDamagedArchiveLeavesNothingBehind() throws Exception {
        Path archive = ArchiveTest.archive(dir, DatabaseKind.H2);
        byte[] bytes = Files.readAllBytes(archive);
        // the first entry's data ("base de données", stored deflated) starts right after its 30-byte local header
        bytes[30 + "database/competences.mv.db".length() + 2] ^= 0x5a;
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);
        Path dataDir = dir.resolve("target");

        assertThatThrownBy(() -> restore(Map.of("DATA_DIR", dataDir.toString())).run(damaged))
                .isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).en()).contains("database/competences.mv.db", "damaged"));
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void theEvidenceDirectoryIsTheOneTheApplicationUses() {
        assertThat(Restore.EVIDENCE_DIRECTORY).isEqualTo(fr.competences.evidence.Evidences.DIRECTORY);
    }
}
