package fr.competences.privacy;

import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link RetentionContract} on PostgreSQL, with two instances sharing the database and the data directory, as a
 * school running two nodes would: both look every second whether the daily run is due, one ran it; the launches
 * happen on the first, the administrator talks to the second.
 */
class PostgresRetentionIT extends RetentionContract {

    String databaseUrl;
    PostgresServer postgres;
    TestApp first;
    TestApp second;

    @Override
    TestApp start() {
        try {
            postgres = TestApps.postgresServer();
            databaseUrl = postgres.createDatabase("retention");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> environment = new HashMap<>(Map.of("DB_URL", databaseUrl, "DB_USER", postgres.user(),
                "DB_PASSWORD", postgres.password(), "RETENTION_AFTER_COURSE_END", "P3Y",
                "RETENTION_CHECK_INTERVAL", "PT1S"));
        first = TestApp.start("retention-pg-a", environment);
        environment.put("DATA_DIR", first.dataDir().toString());
        second = TestApp.start("retention-pg-b", environment);
        return first;
    }

    @Override
    TestApp administered() {
        return second;
    }

    @Override
    void lastLaunched(String contextId, OffsetDateTime when) throws Exception {
        try (Connection db = DriverManager.getConnection(databaseUrl, postgres.user(), postgres.password())) {
            H2RetentionIT.date(db, contextId, when);
        }
    }

    @Override
    void stop() {
        first.close();
        second.close();
    }
}
