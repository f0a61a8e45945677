package fr.competences.evidence;

import fr.competences.config.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Where the file of a removed piece of evidence waits, {@value #KEPT_MINUTES} minutes, before it is deleted for good:
 * {@code DATA_DIR/evidence/.deleted}. A backup whose database snapshot was taken just before the removal committed
 * still refers to the file, and finds it there (see {@code fr.competences.backup}); without this wait, a student
 * removing files steadily could make every snapshot of a backup miss one. The file moves only once the removal has
 * committed: a removal that rolls back keeps its file. Anything that deletes evidence rows hands their files here.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EvidenceTrash {

    public static final String DIRECTORY = ".deleted";
    static final long KEPT_MINUTES = 60;
    private static final Duration KEPT = Duration.ofMinutes(KEPT_MINUTES);
    private static final Logger LOG = Logger.getLogger(EvidenceTrash.class.getName());

    @Inject
    Settings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    Clock clock = Clock.systemUTC();

    /** Moves the stored file to the trash once the current transaction commits; never if it rolls back. */
    public void discardAfterCommit(String storageName) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    discard(storageName);
                }
            }
        });
    }

    /** Deletes, for good, what has waited long enough; every ten minutes, on every instance (it is idempotent). */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purge() {
        Path trash = trash();
        if (!Files.isDirectory(trash)) {
            return;
        }
        Instant before = clock.instant().minus(KEPT);
        try (Stream<Path> files = Files.list(trash)) {
            List<Path> expired = files.filter(file -> modifiedBefore(file, before)).toList();
            for (Path file : expired) {
                Files.deleteIfExists(file);
            }
            if (!expired.isEmpty()) {
                LOG.info(() -> expired.size() + " fichier(s) de preuves retirées supprimé(s) définitivement");
            }
        } catch (IOException e) {
            LOG.warning(() -> "Corbeille des preuves non vidée : " + e);
        }
    }

    void discard(String storageName) {
        try {
            discardNow(storageName);
        } catch (IOException e) {
            LOG.warning(() -> "Fichier de preuve non retiré : " + storageName + " (" + e + ")");
        }
    }

    /**
     * Moves the stored file to the trash now, for a caller that has committed its removal and must know when the
     * file could not be moved (an erasure reports it); a file already gone is no failure.
     */
    public void discardNow(String storageName) throws IOException {
        Path trash = trash();
        try {
            Files.createDirectories(trash);
            Path moved = Files.move(dataDir().resolve(Evidences.DIRECTORY).resolve(storageName),
                    trash.resolve(storageName), StandardCopyOption.ATOMIC_MOVE);
            // its wait starts now, not when it was handed in (a move keeps the modification time)
            Files.setLastModifiedTime(moved, FileTime.from(clock.instant()));
        } catch (NoSuchFileException gone) {
            // already gone: nothing to keep
        }
    }

    private Path trash() {
        return dataDir().resolve(Evidences.DIRECTORY).resolve(DIRECTORY);
    }

    Path dataDir() {
        return settings.dataDir();
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }
}
