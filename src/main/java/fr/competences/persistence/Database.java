package fr.competences.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's only data source. Payara resolves the {@code MPCONFIG} placeholders when the pool
 * starts, from {@link fr.competences.config.EnvironmentConfigSource}: H2 in {@code DATA_DIR} by default,
 * PostgreSQL when {@code DB_URL} says so.
 *
 * <p>A pooled connection is checked with {@link java.sql.Connection#isValid} before each use (a round trip on
 * PostgreSQL), and one found dead has the pool drop them all: after PostgreSQL restarts, every pooled connection is
 * dead. The former "auto-commit" check sent nothing to PostgreSQL (the driver answers it alone), so after a database
 * restart the pool went on handing out dead connections and requests failed (PostgresRestartIT).
 *
 * <p>A connection is checked at most once a second. Payara loads the check's class through the WAR's class loader at
 * every check, which looks for it in the WAR first and throws two {@code ClassNotFoundException}s before asking the
 * server: checked at every use, that was 13 % of a launch's CPU, under a lock all requests share
 * (docs/performance.md). A second is shorter than any restart of PostgreSQL, so a connection that was alive less
 * than a second ago cannot have outlived one, and the first check after a restart still drops them all.
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
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.fail-all-connections=true",
                "fish.payara.statement-cache-size=200", "fish.payara.statement-cache-type= "})
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/competences";
}
