package fr.competences.lti;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link LtiLaunchContract} on the application running on H2. */
class H2LtiLaunchIT extends LtiLaunchContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
