package fr.competences.backup;

import fr.competences.it.PostgresServer;
import fr.competences.it.TestApps;
import java.util.Map;

/**
 * {@link BackupRestoreContract} on PostgreSQL: pg_dump on an exported snapshot, run by the application; pg_restore
 * into a new, empty database. The tools come from the machine's PostgreSQL client (on the PATH).
 */
class PostgresBackupRestoreIT extends BackupRestoreContract {

    @Override
    String database() {
        return "postgres";
    }

    @Override
    Map<String, String> newDatabase() throws Exception {
        PostgresServer server = TestApps.postgresServer();
        return Map.of("DB_URL", server.createDatabase("backup"), "DB_USER", server.user(), "DB_PASSWORD",
                server.password());
    }
}
