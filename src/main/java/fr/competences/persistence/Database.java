package fr.competences.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's only data source. Payara resolves the {@code MPCONFIG} placeholders when the pool
 * starts, from {@link fr.competences.config.EnvironmentConfigSource}: H2 in {@code DATA_DIR} by default,
 * PostgreSQL when {@code DB_URL} says so.
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
                "fish.payara.connection-validation-method=auto-commit"})
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/competences";
}
