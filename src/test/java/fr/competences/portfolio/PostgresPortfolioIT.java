package fr.competences.portfolio;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link PortfolioContract} on the application running on PostgreSQL. */
class PostgresPortfolioIT extends PortfolioContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }
}
