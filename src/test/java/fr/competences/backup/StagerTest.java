package fr.competences.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import fr.competences.errors.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging a backup while students hand in and remove evidence: the files gathered are exactly those the database
 * snapshot refers to, and a file deleted after the snapshot makes it take a new one.
 */
class StagerTest {

    @TempDir
    Path dataDir;

    Path evidence;

    @BeforeEach
    void evidenceFiles() throws Exception {
        evidence = Files.createDirectories(dataDir.resolve("evidence"));
        Files.writeString(evidence.resolve("a.pdf"), "%PDF a");
        Files.writeString(evidence.resolve("b.pdf"), "%PDF b");
        Files.writeString(evidence.resolve("upload-123.part"), "an upload in progress");
        Files.writeString(evidence.resolve("c.pdf"), "%PDF c, handed in after the snapshot");
    }

    /** A database whose successive snapshots refer to these files; {@code meanwhile} runs after each snapshot. */
    static final class ScriptedDatabase implements DatabaseSnapshot {

        final List<Map<String, String>> states;
        final List<Runnable> meanwhile;
        int taken;

        ScriptedDatabase(List<Map<String, String>> states, List<Runnable> meanwhile) {
            this.states = states;
            this.meanwhile = meanwhile;
        }

        @Override
        public Snapshot take(Path dir) throws java.io.IOException {
            Map<String, String> state = states.get(Math.min(taken, states.size() - 1));
            Path file = Files.writeString(dir.resolve("competences.mv.db"), "snapshot " + taken);
            if (taken < meanwhile.size()) {
                meanwhile.get(taken).run();
            }
            taken++;
            return new Snapshot(DatabaseKind.H2, file, "22", state);
        }
    }

    @Test
    void gathersExactlyTheFilesTheSnapshotRefersTo() throws Exception {
        ScriptedDatabase database = new ScriptedDatabase(List.of(Map.of("a.pdf", "sha-a", "b.pdf", "sha-b")), List.of());

        StagedBackup staged = new Stager(dataDir, evidence, database).stage();

        try (var files = Files.list(staged.evidence())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.pdf", "b.pdf");
        }
        assertThat(staged.dir().getParent()).isEqualTo(dataDir);
        staged.discard();
        assertThat(staged.dir()).doesNotExist();
        assertThat(evidence.resolve("a.pdf")).exists(); // links removed, not the files
    }

    @Test
    void aFileDeletedOnceLinkedStaysInTheBackup() throws Exception {
        StagedBackup staged = new Stager(dataDir, evidence,
                new ScriptedDatabase(List.of(Map.of("a.pdf", "sha-a")), List.of())).stage();

        Files.delete(evidence.resolve("a.pdf")); // the student removes it while the archive is being sent

        assertThat(staged.evidence().resolve("a.pdf")).hasContent("%PDF a");
    }

    @Test
    void aFileRemovedAfterTheSnapshotIsTakenFromTheEvidenceTrash() throws Exception {
        // b.pdf removed right after the snapshot: the application moved it to the trash
        ScriptedDatabase database = new ScriptedDatabase(List.of(Map.of("a.pdf", "sha-a", "b.pdf", "sha-b")),
                List.of(() -> move(evidence.resolve("b.pdf"), evidence.resolve(".deleted/b.pdf"))));

        StagedBackup staged = new Stager(dataDir, evidence, database).stage();

        assertThat(database.taken).isEqualTo(1);
        assertThat(staged.evidence().resolve("b.pdf")).hasContent("%PDF b");
    }

    @Test
    void aFileDeletedOutrightAfterTheSnapshotMakesItTakeANewOne() throws Exception {
        // snapshot 1 still has b.pdf, deleted (row and file, not through the trash) right after it; snapshot 2 no
        // longer refers to it
        ScriptedDatabase database = new ScriptedDatabase(
                List.of(Map.of("a.pdf", "sha-a", "b.pdf", "sha-b"), Map.of("a.pdf", "sha-a")),
                List.of(() -> delete(evidence.resolve("b.pdf"))));

        StagedBackup staged = new Stager(dataDir, evidence, database).stage();

        assertThat(database.taken).isEqualTo(2);
        assertThat(staged.snapshot().file()).hasContent("snapshot 1");
        try (var files = Files.list(staged.evidence())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.pdf");
        }
    }

    @Test
    void givesUpWithA503AfterSoManyAttemptsAndLeavesNothing() throws Exception {
        List<Runnable> deletions = new ArrayList<>();
        for (int i = 0; i < Stager.ATTEMPTS; i++) {
            String name = "gone-" + i + ".pdf";
            Files.writeString(evidence.resolve(name), "x");
            deletions.add(() -> delete(evidence.resolve(name)));
        }
        List<Map<String, String>> states = new ArrayList<>();
        for (int i = 0; i < Stager.ATTEMPTS; i++) {
            states.add(Map.of("gone-" + i + ".pdf", "sha"));
        }

        assertThatThrownBy(() -> new Stager(dataDir, evidence, new ScriptedDatabase(states, deletions)).stage())
                .isInstanceOf(ProblemException.class).satisfies(e -> {
                    assertThat(((ProblemException) e).status()).isEqualTo(503);
                    assertThat(((ProblemException) e).detail().en()).contains("try again");
                });
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("evidence");
        }
    }

    @Test
    void refusesAStoredNameThatWouldLeaveTheEvidenceDirectory() {
        ScriptedDatabase database = new ScriptedDatabase(List.of(Map.of("../competences.mv.db", "sha")), List.of());

        assertThatThrownBy(() -> new Stager(dataDir, evidence, database).stage()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void removesStagingDirectoriesACrashLeftBehind() throws Exception {
        Path abandoned = Files.createDirectories(dataDir.resolve(Stager.PREFIX + "old/attempt-1"));
        Files.setLastModifiedTime(abandoned.getParent(), FileTime.from(Instant.now().minusSeconds(3 * 86_400)));
        Path running = Files.createDirectories(dataDir.resolve(Stager.PREFIX + "running"));

        new Stager(dataDir, evidence, new ScriptedDatabase(List.of(Map.of()), List.of())).stage().discard();

        assertThat(abandoned.getParent()).doesNotExist();
        assertThat(running).exists();
    }

    private static void move(Path file, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(file, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
