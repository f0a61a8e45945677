package fr.competences.portfolio;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;

/** {@link PortfolioContract} on the application running on H2. */
class H2PortfolioIT extends PortfolioContract {

    @Override
    TestApp app() {
        return TestApps.h2();
    }
}
