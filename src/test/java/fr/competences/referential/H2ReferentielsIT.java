package fr.competences.referential;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link ReferentielsApiContract} on the application running on its default embedded H2 database. */
class H2ReferentielsIT extends ReferentielsApiContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
