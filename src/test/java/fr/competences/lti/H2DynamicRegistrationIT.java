package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link DynamicRegistrationContract} on the application running on H2. */
class H2DynamicRegistrationIT extends DynamicRegistrationContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
