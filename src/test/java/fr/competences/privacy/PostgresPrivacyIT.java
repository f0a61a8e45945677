package fr.competences.privacy;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link PrivacyContract} on the application running on PostgreSQL. */
class PostgresPrivacyIT extends PrivacyContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
