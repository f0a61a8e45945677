package fr.competences.input;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link UploadsContract} on the application running on PostgreSQL. */
class PostgresUploadsIT extends UploadsContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
