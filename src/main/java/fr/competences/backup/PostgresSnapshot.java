package fr.competences.backup;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import fr.competences.backup.archive.CommandException;
import fr.competences.backup.archive.PostgresConnection;
import fr.competences.backup.archive.PostgresTools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code pg_dump} on a snapshot this class exports: a repeatable-read transaction exports its snapshot
 * ({@code pg_export_snapshot()}), reads the evidence files it refers to, and stays open while {@code pg_dump
 * --snapshot} dumps exactly that state. The dump and the list of files are the same instant, however many
 * instances write meanwhile.
 */
final class PostgresSnapshot implements DatabaseSnapshot {

    private final DataSource live;
    private final PostgresConnection connection;
    private final PostgresTools tools;

    PostgresSnapshot(DataSource live, PostgresConnection connection, PostgresTools tools) {
        this.live = live;
        this.connection = connection;
        this.tools = tools;
    }

    @Override
    public Snapshot take(Path dir) throws SQLException, CommandException {
        tools.find("pg_dump"); // before anything: the administrator learns what to install
        try (Connection transaction = live.getConnection()) {
            boolean autoCommit = transaction.getAutoCommit();
            int isolation = transaction.getTransactionIsolation();
            transaction.setAutoCommit(false);
            transaction.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                String snapshot = exportSnapshot(transaction);
                Map<String, String> evidence = DatabaseSnapshot.evidenceFiles(transaction);
                String version = DatabaseSnapshot.schemaVersion(transaction);
                Path dump = dir.resolve(DatabaseKind.POSTGRESQL.fileName());
                PostgresTools.Result dumped = tools.run("pg_dump", List.of("--format=custom", "--no-owner",
                        "--no-privileges", "--snapshot=" + snapshot, "--lock-wait-timeout=60s", "--file=" + dump,
                        "--dbname=" + connection.uri()), connection, null);
                if (!dumped.succeeded()) {
                    throw new CommandException("pg_dump a échoué : " + dumped.errors(), "pg_dump failed: " + dumped.errors());
                }
                return new Snapshot(DatabaseKind.POSTGRESQL, dump, version, evidence);
            } finally {
                transaction.rollback();
                transaction.setTransactionIsolation(isolation);
                transaction.setAutoCommit(autoCommit);
            }
        }
    }

    private static String exportSnapshot(Connection transaction) throws SQLException {
        try (Statement statement = transaction.createStatement();
                ResultSet row = statement.executeQuery("select pg_export_snapshot()")) {
            row.next();
            return row.getString(1);
        }
    }
}
