package fr.competences.input;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link UploadsContract} on the application running on H2. */
class H2UploadsIT extends UploadsContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
