package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link DynamicRegistrationContract} on the application running on PostgreSQL. */
class PostgresDynamicRegistrationIT extends DynamicRegistrationContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
