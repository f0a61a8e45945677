package fr.competences.backup;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import fr.competences.backup.archive.CommandException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Copies the database as of one instant, with the database's own tool, and says what the copy refers to. */
interface DatabaseSnapshot {

    /** Writes the copy into {@code dir} (owner-only, empty). */
    Snapshot take(Path dir) throws SQLException, IOException, CommandException;

    /**
     * A copy of the database: its file, its Flyway schema version, and the evidence files its rows refer to (stored
     * name → SHA-256 recorded when the file was handed in).
     */
    record Snapshot(DatabaseKind kind, Path file, String schemaVersion, Map<String, String> evidence) {
    }

    /** What the copy refers to, read in the snapshot itself (same transaction, or the copy opened). */
    static Map<String, String> evidenceFiles(Connection connection) throws SQLException {
        Map<String, String> files = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select storage_name, sha256 from evidence where storage_name is not null")) {
            while (rows.next()) {
                files.put(rows.getString(1), rows.getString(2));
            }
        }
        return files;
    }

    /** The last migration applied; Flyway's quoted lower-case names hold on H2 and PostgreSQL alike. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select \"version\" from \"flyway_schema_history\" "
                        + "where \"success\" = true and \"version\" is not null order by \"installed_rank\" desc")) {
            return rows.next() ? rows.getString(1) : "0";
        }
    }
}
