package fr.competences.health;

import fr.competences.persistence.Database;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the database answers. Both probes use it: the application can do nothing useful without
 * its database, and a pool stuck on a lost connection is worth a restart. The answer is public (probes call it
 * without credentials), so it says up or down and nothing of the database: which product, where, why it failed goes
 * to the log.
 */
abstract class DatabaseCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (SQLException e) {
            LOG.warning(() -> "Base de données injoignable : " + e);
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
