package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link IsolationContract} on the application running on PostgreSQL. */
class PostgresIsolationIT extends IsolationContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
