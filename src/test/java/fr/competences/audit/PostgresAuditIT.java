package fr.competences.audit;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link AuditContract} on the application running on PostgreSQL. */
class PostgresAuditIT extends AuditContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
