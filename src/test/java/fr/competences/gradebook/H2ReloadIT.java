package fr.competences.gradebook;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link ReloadContract} on the application running on H2 (its default database). */
class H2ReloadIT extends ReloadContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
