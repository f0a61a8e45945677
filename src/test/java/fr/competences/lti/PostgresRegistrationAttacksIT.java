package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link RegistrationAttacksContract} on the application running on PostgreSQL. */
class PostgresRegistrationAttacksIT extends RegistrationAttacksContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
