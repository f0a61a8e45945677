package fr.competences.gradebook;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link GradebookContract} on the application running on PostgreSQL. */
class PostgresGradebookIT extends GradebookContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
