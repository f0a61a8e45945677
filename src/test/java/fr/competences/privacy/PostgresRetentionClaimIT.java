package fr.competences.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.PostgresServer;
import fr.competences.it.TestApps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The retention job's claim as two instances on one PostgreSQL database make it at the same moment: the second
 * waits for the first's row lock, then finds the job taken and takes nothing. (The applications'
 * {@link PostgresRetentionIT} shows the same end to end, without controlling the moment.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRetentionClaimIT {

    PostgresServer postgres;
    String url;

    @BeforeAll
    void migrate() throws SQLException, Exception {
        postgres = TestApps.postgresServer();
        url = postgres.createDatabase("claim");
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).locations("classpath:db/migration")
                .load().migrate();
    }

    @Test
    void ofTwoInstancesClaimingAtOnceOneTakesTheJob() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection first = connect(); Connection second = connect()) {
            assertThat(claim(first, "a", now)).isEqualTo(1); // not committed yet: the row stays locked

            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> claim(second, "b", now));
            Thread.sleep(500); // the other claim is now waiting for the lock (or will run after the commit)
            assertThat(other).isNotDone();
            first.commit();

            assertThat(other.get(30, TimeUnit.SECONDS)).isZero();
            second.commit();
            assertThat(owner(first)).isEqualTo("a");
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
        connection.setAutoCommit(false);
        return connection;
    }

    private static int claim(Connection connection, String owner, OffsetDateTime now) {
        try (PreparedStatement update = connection.prepareStatement(RetentionStore.CLAIM_DUE)) {
            update.setString(1, owner);
            update.setObject(2, now.plus(Retention.LEASE));
            update.setString(3, RetentionStore.JOB);
            update.setObject(4, now);
            update.setObject(5, now);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String owner(Connection connection) throws SQLException {
        try (var query = connection.createStatement().executeQuery("select lease_owner from privacy_job")) {
            query.next();
            return query.getString(1);
        }
    }
}
