package fr.competences.backup.archive;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The settings the commands read, as the application reads them ({@code fr.competences.config.EnvironmentConfigSource},
 * which the commands cannot load: it needs MicroProfile Config): a {@code -D} system property, else the environment
 * variable; {@code DATA_DIR} defaults to {@code ./data}, an unset {@code DB_URL} means H2 in {@code DATA_DIR},
 * {@code DB_USER}/{@code DB_PASSWORD} default to H2's {@code sa}/{@code sa}.
 */
public record CommandEnvironment(UnaryOperator<String> lookup) {

    public static CommandEnvironment ofProcess() {
        return new CommandEnvironment(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    public String get(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Path dataDir() {
        String dir = get("DATA_DIR");
        return Path.of(dir == null ? "data" : dir).toAbsolutePath().normalize();
    }

    /** The JDBC URL when {@code DB_URL} is set; null for the default H2 database in {@code DATA_DIR}. */
    public String databaseUrl() {
        return get("DB_URL");
    }

    public DatabaseKind databaseKind() {
        return DatabaseKind.of(databaseUrl());
    }

    /** Where the default H2 database lives: what {@code EnvironmentConfigSource} puts in its JDBC URL, plus H2's suffix. */
    public Path h2File() {
        return dataDir().resolve(DatabaseKind.H2.fileName());
    }

    public PostgresConnection postgres() {
        return PostgresConnection.fromJdbc(databaseUrl(), get("DB_USER"), lookup.apply("DB_PASSWORD"));
    }

    public PostgresTools postgresTools() {
        return PostgresTools.from(lookup);
    }

    public int port() {
        String port = get("PORT");
        return port == null ? 8080 : Integer.parseInt(port);
    }
}
