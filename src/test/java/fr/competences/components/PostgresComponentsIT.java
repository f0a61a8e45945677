package fr.competences.components;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The component tests in Payara Micro, on PostgreSQL: a database of the throwaway cluster the black-box tests start
 * (shared with them, stopped when the test JVM ends).
 */
class PostgresComponentsIT extends ComponentsContract {

    @Deployment
    static WebArchive deployment() throws Exception {
        return ComponentsDeployment.of(ComponentsDeployment.postgres());
    }
}
