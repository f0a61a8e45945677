package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link AdminContract} on the application running on PostgreSQL. */
class PostgresAdminIT extends AdminContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
