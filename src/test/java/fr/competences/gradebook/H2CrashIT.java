package fr.competences.gradebook;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link CrashContract} on the application running on H2 (its default database). */
class H2CrashIT extends CrashContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
