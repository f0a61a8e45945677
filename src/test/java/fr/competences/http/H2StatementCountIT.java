package fr.competences.http;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link StatementCountContract} on H2. */
class H2StatementCountIT extends StatementCountContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
