package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link AdminContract} on the application running on H2. */
class H2AdminIT extends AdminContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
