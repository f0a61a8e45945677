package fr.competences.privacy;

import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;

/**
 * {@link RetentionContract} on PostgreSQL, with two instances sharing the database and the data directory, as a
 * school running two nodes would: both look every second whether the daily run is due, one ran it; the launches
 * happen on the first, the administrator talks to the second.
 */
class PostgresRetentionIT extends RetentionContract {

    @Override
    TestApp launched() {
        return TestApps.postgresDailyJobs().getFirst();
    }

    @Override
    TestApp administered() {
        return TestApps.postgresDailyJobs().getLast();
    }

    @Override
    void lastLaunched(String contextId, OffsetDateTime when) throws Exception {
        PostgresServer postgres = TestApps.postgresServer();
        try (Connection db = DriverManager.getConnection(launched().environment("DB_URL"), postgres.user(),
                postgres.password())) {
            H2RetentionIT.date(db, contextId, when);
        }
    }
}
