package fr.competences.backup;

import fr.competences.backup.archive.ArchiveWriter;
import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import fr.competences.backup.archive.CommandEnvironment;
import fr.competences.backup.archive.CommandException;
import fr.competences.backup.archive.Manifest;
import fr.competences.backup.archive.PostgresConnection;
import fr.competences.config.EnvironmentConfigSource;
import fr.competences.config.Settings;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.evidence.Evidences;
import fr.competences.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes a backup of the running application: stages it ({@link Stager}: database snapshot and evidence files), then
 * writes it as one archive. One staging at a time per instance: a second request meanwhile is told to wait.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = EnvironmentConfigSource.DB_URL)
    String databaseUrl;

    /** Optional: empty (trust or peer authentication) is, for MicroProfile Config, no value. */
    @Inject
    @ConfigProperty(name = EnvironmentConfigSource.DB_USER)
    Optional<String> databaseUser;

    @Inject
    @ConfigProperty(name = EnvironmentConfigSource.DB_PASSWORD)
    Optional<String> databasePassword;

    private final Semaphore staging = new Semaphore(1);

    /** Gathers a backup; the caller writes it ({@link #write}) or discards it. */
    public StagedBackup stage() {
        if (!staging.tryAcquire()) {
            throw new ProblemException(409, "backup-running", LocalizedText.of("Sauvegarde en cours", "Backup running"),
                    LocalizedText.of("Une sauvegarde est déjà en préparation : attendez qu'elle se termine.",
                            "A backup is already being prepared: wait until it is done."));
        }
        try {
            return new Stager(settings.dataDir(), settings.dataDir().resolve(Evidences.DIRECTORY), snapshot()).stage();
        } catch (CommandException e) {
            throw new ProblemException(503, "backup-unavailable",
                    LocalizedText.of("Sauvegarde impossible", "Backup impossible"), LocalizedText.of(e.fr(), e.en()));
        } catch (SQLException e) {
            throw new IllegalStateException("Instantané de la base impossible", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Préparation de la sauvegarde impossible", e);
        } finally {
            staging.release();
        }
    }

    /** Writes the archive, then removes what was staged. */
    public void write(StagedBackup staged, OutputStream out) throws IOException {
        try {
            DatabaseSnapshot.Snapshot snapshot = staged.snapshot();
            ArchiveWriter archive = new ArchiveWriter(out, snapshot.kind());
            archive.database(snapshot.file());
            for (Map.Entry<String, String> file : snapshot.evidence().entrySet()) {
                String sha256 = archive.evidence(file.getKey(), staged.evidence().resolve(file.getKey()));
                if (!sha256.equalsIgnoreCase(file.getValue())) {
                    // saved as it is: the backup cannot mend it, and a restore should not lose the rest
                    LOG.warning(() -> "Fichier de preuves " + file.getKey() + " différent de ce qui a été déposé "
                            + "(SHA-256) : disque endommagé ?");
                }
            }
            Manifest manifest = archive.finish(staged.createdAt(), snapshot.schemaVersion());
            LOG.info(() -> "Sauvegarde envoyée : " + staged.fileName() + " (" + manifest.database() + ", schéma "
                    + manifest.schemaVersion() + ", " + manifest.evidenceSha256().size() + " fichier(s) de preuves)");
        } finally {
            staged.discard();
        }
    }

    private DatabaseSnapshot snapshot() {
        String user = databaseUser.orElse("");
        String password = databasePassword.orElse("");
        if (DatabaseKind.of(databaseUrl) == DatabaseKind.H2) {
            return new H2Snapshot(dataSource, user, password);
        }
        return new PostgresSnapshot(dataSource, PostgresConnection.fromJdbc(databaseUrl, user, password),
                CommandEnvironment.ofProcess().postgresTools());
    }
}
