package fr.competences.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and evolves the schema with the versioned scripts of {@code db/migration} (and the Java migrations that
 * need each database's own language, {@link AppendOnlyTables}), before the application serves anything. JPA never
 * generates schema (persistence.xml: action none).
 */
@Startup
@Singleton
@DependsOn("DataDirectory")
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @EJB
    DataDirectory dataDirectory;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new AppendOnlyTables())
                .load()
                .migrate();
        LOG.info(() -> "Schéma de base de données : " + result.migrationsExecuted + " migration(s) appliquée(s), version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (" + result.database + ")");
        dataDirectory.tighten(); // the H2 files a first start has just created
    }
}
