package fr.competences.lti.launch;

import fr.competences.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Used nonces, in the database so that a replay is refused by every instance and after a restart. One insert
 * per launch, in the transaction that stores it ({@link Provisioning}): the primary key refuses a second use, and a
 * replay sent while the first launch is being stored waits for its commit, then is refused. Rows go once their
 * login state has expired, since no launch can bring that nonce back any more.
 */
@ApplicationScoped
class Nonces {

    private static final Logger LOG = Logger.getLogger(Nonces.class.getName());
    /** Unique violation, the same on H2 and PostgreSQL: the nonce's primary key, the table's only unique constraint. */
    private static final String DUPLICATE_KEY = "23505";
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    /** True the first time a nonce is presented, false on a replay. Joins the caller's transaction. */
    boolean consume(String nonce, Instant expiresAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into lti_nonce (nonce, expires_at) values (?, ?)")) {
            insert.setString(1, nonce);
            insert.setObject(2, expiresAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Outside any transaction: a failed purge must not abort a launch's. */
    void purgeFromTimeToTime() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (last.plus(PURGE_INTERVAL).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from lti_nonce where expires_at < ?")) {
            delete.setObject(1, now.atOffset(ZoneOffset.UTC));
            int purged = delete.executeUpdate();
            LOG.fine(() -> purged + " nonce(s) expiré(s) supprimé(s)");
        } catch (SQLException e) {
            LOG.warning(() -> "Purge des nonces impossible : " + e.getMessage());
        }
    }
}
