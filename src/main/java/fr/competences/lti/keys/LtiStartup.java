package fr.competences.lti.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** At first start, once the schema exists: the tool's first key pair and its HMAC secret. */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class LtiStartup {

    @Inject
    ToolKeys toolKeys;

    @Inject
    ServerSecrets secrets;

    @PostConstruct
    void createSecrets() {
        toolKeys.ensureKey();
        secrets.load();
    }
}
