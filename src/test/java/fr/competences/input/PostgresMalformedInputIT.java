package fr.competences.input;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link MalformedInputContract} on the application running on PostgreSQL. */
class PostgresMalformedInputIT extends MalformedInputContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
