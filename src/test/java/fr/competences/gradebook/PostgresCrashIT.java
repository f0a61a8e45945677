package fr.competences.gradebook;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link CrashContract} on the application running on PostgreSQL. */
class PostgresCrashIT extends CrashContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
