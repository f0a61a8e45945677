package fr.competences.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A backup ready to send: the database's copy and the evidence files it refers to, linked under {@code dir}. */
record StagedBackup(Path dir, DatabaseSnapshot.Snapshot snapshot, Path evidence, Instant createdAt) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    String fileName() {
        return "competences-backup-" + STAMP.format(createdAt) + ".zip";
    }

    void discard() {
        Stager.deleteTree(dir);
    }
}
