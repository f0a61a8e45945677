package fr.competences.privacy;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link PrivacyContract} on the application running on its default embedded H2 database. */
class H2PrivacyIT extends PrivacyContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
