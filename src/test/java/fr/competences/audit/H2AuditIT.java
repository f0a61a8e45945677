package fr.competences.audit;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link AuditContract} on the application running on H2. */
class H2AuditIT extends AuditContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
