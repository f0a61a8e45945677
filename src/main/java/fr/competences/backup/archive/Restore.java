package fr.competences.backup.archive;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java -jar competences-lti.jar restore <archive>}: puts a backup back into an empty {@code DATA_DIR} and, for
 * PostgreSQL, an empty database ({@code DB_URL}), with the settings the application will start with. Refuses a
 * target that holds anything (it never merges, never overwrites) and an archive that is not whole; checks every
 * checksum before writing; on failure, leaves the target as empty as it found it.
 */
public final class Restore {

    /** {@code DATA_DIR/evidence}, where {@code fr.competences.evidence.Evidences} keeps the files. */
    public static final String EVIDENCE_DIRECTORY = "evidence";
    /** A file system's own directory at the root of a mount point: an empty volume has it. */
    private static final String LOST_AND_FOUND = "lost+found";
    private static final String TABLES_OUTSIDE_CATALOG = "select count(*) from pg_catalog.pg_class c "
            + "join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') "
            + "and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'";

    private final CommandEnvironment environment;
    private final PrintStream out;

    public Restore(CommandEnvironment environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public void run(Path archiveFile) throws CommandException {
        try (ArchiveReader archive = ArchiveReader.open(archiveFile)) {
            Manifest manifest = archive.manifest();
            requireSameDatabase(manifest.database());
            Path dataDir = environment.dataDir();
            requireEmpty(dataDir);
            if (manifest.database() == DatabaseKind.POSTGRESQL) {
                requireEmptyDatabase();
            }
            out.println(Terminal.say("Vérification de l'archive…", "Checking the archive…"));
            archive.verify();
            boolean created = !Files.exists(dataDir);
            OwnerOnly.directory(dataDir);
            try {
                archive.extractEvidence(dataDir.resolve(EVIDENCE_DIRECTORY));
                if (manifest.database() == DatabaseKind.H2) {
                    archive.extractDatabase(environment.h2File());
                } else {
                    restorePostgres(archive);
                }
            } catch (CommandException | IOException | RuntimeException e) {
                emptyAgain(dataDir, created);
                throw e;
            }
            out.println(Terminal.say(
                    "Restauré : sauvegarde du " + manifest.createdAt() + " (schéma " + manifest.schemaVersion() + ", "
                            + manifest.evidenceSha256().size() + " fichier(s) de preuves) dans " + dataDir + target()
                            + ". Démarrez l'application avec le même PUBLIC_URL qu'à la sauvegarde.",
                    "Restored: backup of " + manifest.createdAt() + " (schema " + manifest.schemaVersion() + ", "
                            + manifest.evidenceSha256().size() + " evidence file(s)) into " + dataDir + target()
                            + ". Start the application with the same PUBLIC_URL as when it was backed up."));
        } catch (IOException e) {
            throw new CommandException("Restauration interrompue : " + e.getMessage(),
                    "Restore interrupted: " + e.getMessage(), e);
        }
    }

    private void requireSameDatabase(DatabaseKind archived) throws CommandException {
        if (environment.databaseKind() == DatabaseKind.H2 && environment.databaseUrl() != null) {
            throw new CommandException("DB_URL désigne une base H2 hors de DATA_DIR : retirez DB_URL pour restaurer dans "
                    + "DATA_DIR, ou copiez vous-même database/competences.mv.db de l'archive.", "DB_URL names an H2 database "
                    + "outside DATA_DIR: unset DB_URL to restore into DATA_DIR, or copy database/competences.mv.db from the "
                    + "archive yourself.");
        }
        if (environment.databaseKind() != archived) {
            String from = archived == DatabaseKind.H2 ? "H2" : "PostgreSQL";
            throw new CommandException("Cette sauvegarde vient d'une base " + from + " : restaurez-la avec "
                    + (archived == DatabaseKind.H2 ? "DB_URL non défini (H2 dans DATA_DIR)." : "DB_URL=jdbc:postgresql://… "
                    + "vers une base vide."), "This backup comes from a " + from + " database: restore it with "
                    + (archived == DatabaseKind.H2 ? "DB_URL unset (H2 in DATA_DIR)." : "DB_URL=jdbc:postgresql://… naming "
                    + "an empty database."));
        }
    }

    private static void requireEmpty(Path dataDir) throws CommandException, IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new CommandException("DATA_DIR (" + dataDir + ") n'est pas un dossier.",
                    "DATA_DIR (" + dataDir + ") is not a directory.");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<String> found = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(LOST_AND_FOUND)).sorted().toList();
            if (!found.isEmpty()) {
                throw new CommandException("DATA_DIR (" + dataDir + ") n'est pas vide (" + String.join(", ", found.subList(0,
                        Math.min(3, found.size()))) + (found.size() > 3 ? "…" : "") + ") : la restauration ne remplace "
                        + "rien. Indiquez un dossier vide, ou videz celui-ci si vous êtes sûr de ne plus en avoir besoin.",
                        "DATA_DIR (" + dataDir + ") is not empty (" + String.join(", ", found.subList(0,
                        Math.min(3, found.size()))) + (found.size() > 3 ? "…" : "") + "): a restore replaces nothing. Give "
                        + "an empty directory, or empty this one if you are sure you no longer need it.");
            }
        }
    }

    private void requireEmptyDatabase() throws CommandException {
        PostgresConnection connection = environment.postgres();
        PostgresTools.Result tables = environment.postgresTools().run("psql",
                List.of("-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "--dbname=" + connection.uri(),
                        "-c", TABLES_OUTSIDE_CATALOG), connection, null);
        if (!tables.succeeded()) {
            throw new CommandException("Connexion à la base de DB_URL impossible :\n" + tables.errors(),
                    "Cannot connect to the database of DB_URL:\n" + tables.errors());
        }
        if (!"0".equals(tables.output().strip())) {
            throw new CommandException("La base de DB_URL n'est pas vide (" + tables.output().strip() + " table(s), vue(s) "
                    + "ou séquence(s)) : la restauration ne remplace rien. Créez une base vide (createdb) et "
                    + "indiquez-la dans DB_URL.", "The database of DB_URL is not empty (" + tables.output().strip()
                    + " table(s), view(s) or sequence(s)): a restore replaces nothing. Create an empty database (createdb) "
                    + "and name it in DB_URL.");
        }
        environment.postgresTools().find("pg_restore");
    }

    private void restorePostgres(ArchiveReader archive) throws CommandException, IOException {
        PostgresConnection connection = environment.postgres();
        out.println(Terminal.say("pg_restore vers " + connection.uri() + "…", "pg_restore into " + connection.uri() + "…"));
        PostgresTools.Result restored;
        try (InputStream dump = archive.database()) {
            restored = environment.postgresTools().run("pg_restore", List.of("--no-owner", "--no-privileges",
                    "--exit-on-error", "--single-transaction", "--dbname=" + connection.uri()), connection, dump);
        }
        if (!restored.succeeded()) {
            throw new CommandException("pg_restore a échoué ; la base est restée vide :\n" + restored.errors(),
                    "pg_restore failed; the database stayed empty:\n" + restored.errors());
        }
    }

    private String target() {
        return environment.databaseKind() == DatabaseKind.POSTGRESQL ? " + " + environment.postgres().uri() : "";
    }

    /** Takes back what this restore wrote: the directory was empty (or absent) before. */
    private static void emptyAgain(Path dataDir, boolean created) {
        try {
            try (Stream<Path> entries = Files.list(dataDir)) {
                for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(LOST_AND_FOUND)).toList()) {
                    deleteTree(entry);
                }
            }
            if (created) {
                Files.deleteIfExists(dataDir);
            }
        } catch (IOException e) {
            System.err.println(Terminal.say("Nettoyage incomplet de " + dataDir + " : videz-le avant de réessayer.",
                    "Could not clean " + dataDir + " up: empty it before trying again."));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
