package fr.competences.referential;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link ReferentielsApiContract} on the application running on PostgreSQL (DB_URL). */
class PostgresReferentielsIT extends ReferentielsApiContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
