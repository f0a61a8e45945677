package fr.competences.lti.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At first start, once the schema exists: the tool's first key pair and its HMAC secret. Nodes started together on an
 * empty database may both create the secret; the one whose insert loses reads the winner's (docs/deploy.md).
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class LtiStartup {

    private static final Logger LOG = Logger.getLogger(LtiStartup.class.getName());

    @Inject
    ToolKeys toolKeys;

    @Inject
    ServerSecrets secrets;

    @PostConstruct
    void createSecrets() {
        toolKeys.ensureKey();
        try {
            secrets.load();
        } catch (RuntimeException createdElsewhere) {
            LOG.info("Secret de session créé au même instant par une autre instance : lecture du sien");
            secrets.load();
        }
    }
}
