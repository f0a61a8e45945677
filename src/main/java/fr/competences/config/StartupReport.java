package fr.competences.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Says once, at startup, how the application is configured (never a password or a token). */
@Startup
@Singleton
@DependsOn("BuiltInReferentiels")
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = EnvironmentConfigSource.DB_URL)
    String dbUrl;

    /** Read by {@code fr.competences.LauncherWatchdog}, which stops a boot that never gets this far. */
    static final String READY_PROPERTY = "competences.ready";

    @PostConstruct
    void report() {
        System.setProperty(READY_PROPERTY, "true");
        LOG.info(() -> "Compétences LTI prêt — URL publique " + settings.publicUrl()
                + ", base " + withoutSecrets(dbUrl)
                + ", données dans " + settings.dataDir()
                + ", API d'administration " + (settings.adminToken().isPresent() ? "activée" : "désactivée (ADMIN_TOKEN absent)"));
    }

    /** JDBC URLs may carry credentials as parameters. */
    static String withoutSecrets(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password|passwd|pwd)=[^&;]*", "$1=***");
    }
}
