package fr.competences.backup;

import fr.competences.backup.archive.BackupArchive;
import fr.competences.backup.archive.CommandException;
import fr.competences.backup.archive.OwnerOnly;
import fr.competences.errors.LocalizedText;
import fr.competences.evidence.EvidenceTrash;
import fr.competences.errors.ProblemException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Gathers a backup before a byte of it is sent, in a directory of its own under {@code DATA_DIR}: a snapshot of the
 * database, then a hard link (a copy where the file system has none) to each evidence file the snapshot refers to.
 * Files are written before their row commits, so each file a snapshot refers to existed when it was taken; one
 * removed since then waits in the evidence trash ({@code EvidenceTrash}, an hour), where it is linked from. Once
 * linked, a file stays readable here whatever happens to it. A file found nowhere (deleted by other means) means
 * the snapshot no longer matches the files: it is taken again. Files no row refers to (an upload whose transaction
 * failed, one handed in after the snapshot) stay out.
 */
final class Stager {

    static final int ATTEMPTS = 5;
    static final String PREFIX = ".backup-";
    /** No backup takes this long to prepare and send: a directory this old was left by a crash or a lost connection. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);
    private static final Logger LOG = Logger.getLogger(Stager.class.getName());

    private final Path dataDir;
    private final Path evidenceDir;
    private final Path trashDir;
    private final DatabaseSnapshot database;
    Clock clock = Clock.systemUTC();

    Stager(Path dataDir, Path evidenceDir, DatabaseSnapshot database) {
        this.dataDir = dataDir;
        this.evidenceDir = evidenceDir;
        this.trashDir = evidenceDir.resolve(EvidenceTrash.DIRECTORY);
        this.database = database;
    }

    StagedBackup stage() throws SQLException, IOException, CommandException {
        removeAbandoned();
        Path dir = OwnerOnly.directory(dataDir.resolve(PREFIX + UUID.randomUUID()));
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Path attemptDir = OwnerOnly.directory(dir.resolve("attempt-" + attempt));
                DatabaseSnapshot.Snapshot snapshot = database.take(attemptDir);
                Path linked = OwnerOnly.directory(attemptDir.resolve("evidence"));
                List<String> gone = link(snapshot.evidence().keySet(), linked);
                if (gone.isEmpty()) {
                    return new StagedBackup(dir, snapshot, linked, clock.instant().truncatedTo(ChronoUnit.SECONDS));
                }
                LOG.info(() -> gone.size() + " fichier(s) de preuves supprimé(s) depuis l'instantané de la base : "
                        + "nouvel instantané");
                deleteTree(attemptDir);
            }
        } catch (SQLException | IOException | CommandException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        deleteTree(dir);
        throw new ProblemException(503, "backup-busy", LocalizedText.of("Sauvegarde à refaire", "Backup to try again"),
                LocalizedText.of("Des fichiers de preuves ont été supprimés pendant chacune des " + ATTEMPTS + " tentatives "
                        + "de sauvegarde : réessayez dans un moment.", "Evidence files were deleted during each of the "
                        + ATTEMPTS + " backup attempts: try again in a moment."));
    }

    /** Links each file into {@code into}, from the evidence directory or its trash; returns those found in neither. */
    private List<String> link(Iterable<String> storedNames, Path into) throws IOException {
        List<String> gone = new ArrayList<>();
        for (String name : storedNames) {
            if (!BackupArchive.storedName(name)) {
                throw new IllegalStateException("Nom de fichier de preuve inattendu en base : " + name);
            }
            if (!link(evidenceDir.resolve(name), into.resolve(name)) && !link(trashDir.resolve(name), into.resolve(name))) {
                gone.add(name);
            }
        }
        return gone;
    }

    /** A hard link, or a copy where the file systems differ or have none (a deletion cannot cut a copy short on Unix). */
    private static boolean link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            throw new IOException("Lien impossible vers " + source.getFileName(), e);
        } catch (FileSystemException noHardLinks) {
            try {
                Files.copy(source, target);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        }
    }

    /** Staging directories a crash or a lost connection left behind. */
    private void removeAbandoned() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        List<Path> abandoned;
        try (Stream<Path> entries = Files.list(dataDir)) {
            abandoned = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).filter(this::old).toList();
        }
        for (Path dir : abandoned) {
            deleteTree(dir);
        }
    }

    private boolean old(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(clock.instant().minus(ABANDONED_AFTER));
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Dossier de sauvegarde non supprimé : " + root + " (" + e + ")");
        }
    }
}
