package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link LtiLaunchContract} on the application running on PostgreSQL. */
class PostgresLtiLaunchIT extends LtiLaunchContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
