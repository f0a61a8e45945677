package fr.competences.assessment;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link AssessmentContract} on the application running on its default embedded H2 database. */
class H2AssessmentIT extends AssessmentContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
