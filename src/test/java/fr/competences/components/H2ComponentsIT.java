package fr.competences.components;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The component tests in Payara Micro, on an in-memory H2 database. */
class H2ComponentsIT extends ComponentsContract {

    @Deployment
    static WebArchive deployment() {
        return ComponentsDeployment.of(Map.of("DB_URL", "jdbc:h2:mem:components;DB_CLOSE_DELAY=-1", "DB_USER", "sa",
                "DB_PASSWORD", "sa"));
    }
}
