package fr.competences.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A removed piece's file waits an hour in the trash, from its removal (not from its upload), then goes for good. */
class EvidenceTrashTest {

    @TempDir
    Path dataDir;

    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    EvidenceTrash trash;

    @BeforeEach
    void trash() throws Exception {
        trash = new EvidenceTrash() {
            @Override
            Path dataDir() {
                return dataDir;
            }
        };
        trash.clock = Clock.fixed(now, ZoneOffset.UTC);
        Path evidence = Files.createDirectories(dataDir.resolve("evidence"));
        Files.writeString(evidence.resolve("a.pdf"), "%PDF a");
        // handed in long ago: its wait must not start then
        Files.setLastModifiedTime(evidence.resolve("a.pdf"), java.nio.file.attribute.FileTime.from(now.minus(Duration.ofDays(30))));
    }

    @Test
    void aDiscardedFileWaitsInTheTrashForAnHourFromItsRemoval() {
        trash.discard("a.pdf");

        Path trashed = dataDir.resolve("evidence/.deleted/a.pdf");
        assertThat(dataDir.resolve("evidence/a.pdf")).doesNotExist();
        assertThat(trashed).hasContent("%PDF a");

        trash.clock = Clock.fixed(now.plus(Duration.ofMinutes(59)), ZoneOffset.UTC);
        trash.purge();
        assertThat(trashed).exists();

        trash.clock = Clock.fixed(now.plus(Duration.ofMinutes(61)), ZoneOffset.UTC);
        trash.purge();
        assertThat(trashed).doesNotExist();
    }

    @Test
    void aFileAlreadyGoneIsNoError() {
        trash.discard("never-there.pdf");
        trash.purge();

        assertThat(dataDir.resolve("evidence/a.pdf")).exists();
    }
}
