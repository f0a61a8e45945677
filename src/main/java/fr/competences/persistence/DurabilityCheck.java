package fr.competences.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Says at startup whether a commit is durable on this database, since a 200 to a save promises it: PostgreSQL with
 * {@code fsync} and {@code synchronous_commit} on (its defaults), H2 with no write delay. A weakened setting is
 * logged as a warning, never changed: it belongs to the database's administrator.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DurabilityCheck {

    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                report(product, "fsync", show(statement, "show fsync"), "on");
                report(product, "synchronous_commit", show(statement, "show synchronous_commit"), "on", "local",
                        "remote_write", "remote_apply");
            } else {
                report(product, "WRITE_DELAY", show(statement, "select setting_value from information_schema.settings "
                        + "where setting_name = 'WRITE_DELAY'"), "0");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Durabilité des validations non vérifiée", e);
        }
    }

    private static String show(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static void report(String product, String setting, String value, String... durable) {
        if (java.util.List.of(durable).contains(value)) {
            LOG.info(() -> "Validations durables (" + product + " " + setting + " = " + value + ")");
        } else {
            LOG.warning(() -> "Validations NON durables : " + product + " " + setting + " = " + value + " ; une "
                    + "sauvegarde confirmée peut être perdue si le serveur s’arrête brutalement (attendu : "
                    + String.join(" ou ", durable) + ")");
        }
    }
}
