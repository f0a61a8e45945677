package fr.competences.gradebook;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link ReloadContract} on the application running on PostgreSQL. */
class PostgresReloadIT extends ReloadContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
