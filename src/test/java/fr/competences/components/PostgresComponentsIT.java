package fr.competences.components;

import fr.competences.it.PostgresServer;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The component tests in Payara Micro, on PostgreSQL: a throwaway cluster started before the deployment (as the
 * black-box tests start theirs), stopped when the test JVM ends.
 */
class PostgresComponentsIT extends ComponentsContract {

    @Deployment
    static WebArchive deployment() throws Exception {
        PostgresServer server = PostgresServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the cluster lives in a temporary directory
            }
        }));
        return ComponentsDeployment.of(Map.of("DB_URL", server.createDatabase("components"), "DB_USER", server.user(),
                "DB_PASSWORD", server.password()));
    }
}
