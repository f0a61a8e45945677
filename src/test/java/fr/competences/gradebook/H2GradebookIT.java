package fr.competences.gradebook;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link GradebookContract} on the application running on H2. */
class H2GradebookIT extends GradebookContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
