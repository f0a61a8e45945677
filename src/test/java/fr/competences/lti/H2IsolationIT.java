package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link IsolationContract} on the application running on H2. */
class H2IsolationIT extends IsolationContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
