package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link RegistrationAttacksContract} on the application running on H2. */
class H2RegistrationAttacksIT extends RegistrationAttacksContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
