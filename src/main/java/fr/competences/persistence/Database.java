package fr.competences.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's only data source. Payara resolves the {@code MPCONFIG} placeholders when the pool
 * starts, from {@link fr.competences.config.EnvironmentConfigSource}: H2 in {@code DATA_DIR} by default,
 * PostgreSQL when {@code DB_URL} says so.
 *
 * <p>A pooled connection is checked before each use by a statement sent to the database, and one found dead has the
 * pool drop them all: after PostgreSQL restarts, every pooled connection is dead. The former "auto-commit" check sent
 * nothing to PostgreSQL (the driver answers it alone), so after a database restart the pool went on handing out dead
 * connections and requests failed (PostgresRestartIT).
 *
 * <p>The statement is {@code SELECT COUNT(*) FROM (SELECT 1) AS alive}: Payara's "table" check sends
 * {@code SELECT COUNT(*) FROM} and the name given, here a one-row subquery that H2 and PostgreSQL both accept and that
 * exists before the migrations run. The "custom-validation" check ({@code JDBC40ConnectionValidation}, which calls
 * {@code Connection.isValid}) had Payara load its class through the WAR's class loader at every check: that loader
 * looks in the WAR first and throws two {@code ClassNotFoundException}s before asking the server, 13 % of a launch's
 * CPU, under a lock every request shares (docs/performance.md). Checking less often would not do:
 * {@code pg_ctl restart -m immediate} restarts an idle PostgreSQL in a third of a second.
 *
 * <p>Each pooled connection keeps its last 200 prepared statements: without that cache, H2 parsed and planned every
 * statement again (a launch sends about ten). The cache's type is a blank string, not left out: Payara reads a missing
 * type as the class name "null" (payara/Payara#6647).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=db.class}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=table",
                "fish.payara.validation-table-name=(SELECT 1) AS alive",
                "fish.payara.fail-all-connections=true",
                "fish.payara.statement-cache-size=200", "fish.payara.statement-cache-type= "})
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/competences";
}
