package fr.competences.http;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link StatementCountContract} on PostgreSQL. */
class PostgresStatementCountIT extends StatementCountContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
