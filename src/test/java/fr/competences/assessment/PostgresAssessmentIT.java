package fr.competences.assessment;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link AssessmentContract} on the application running on PostgreSQL. */
class PostgresAssessmentIT extends AssessmentContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
