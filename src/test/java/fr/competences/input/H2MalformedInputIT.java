package fr.competences.input;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link MalformedInputContract} on the application running on H2. */
class H2MalformedInputIT extends MalformedInputContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
