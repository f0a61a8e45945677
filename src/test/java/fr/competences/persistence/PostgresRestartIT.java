package fr.competences.persistence;

import static fr.competences.lti.platform.Launch.INSTRUCTOR;
import static fr.competences.lti.platform.Launch.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under the application (a crash, a failover, a minor upgrade): every pooled connection is then
 * dead, and the pool must find that out before handing one to a request. No launch after the restart may fail (each
 * writes its nonce, the user, course and membership in one transaction), nor may the liveness probe say that the
 * application is down, which would have an orchestrator restart it for nothing.
 */
class PostgresRestartIT {

    @Test
    void launchesAfterADatabaseRestartAllSucceed() throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
                TestApp app = TestApp.start("pg-restart", Map.of("DB_URL", postgres.createDatabase("restart"),
                        "DB_USER", postgres.user(), "DB_PASSWORD", postgres.password()));
                TestPlatform platform = TestPlatform.start()) {
            ToolRegistration tool = Registrar.register(app, platform);
            launchAtOnce(tool, platform, 8);
            postgres.restart();
            List<String> failures = new ArrayList<>();
            Browser browser = new Browser();
            for (int i = 0; i < 24; i++) {
                Page page = browser.launch(platform, launch(tool, i));
                if (page.status() != 200) {
                    failures.add("launch " + i + " → " + page.status() + " " + page.body());
                }
                HttpResponse<String> live = app.get("/health/live");
                if (live.statusCode() != 200) {
                    failures.add("/health/live → " + live.statusCode() + " " + live.body());
                }
            }
            assertThat(failures).as("answers after the restart").isEmpty();
        }
    }

    /** Launches by several browsers at once, so that the pool holds several connections when the server goes away. */
    private static void launchAtOnce(ToolRegistration tool, TestPlatform platform, int browsers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(browsers);
        try {
            List<Future<Page>> pages = new ArrayList<>();
            for (int i = 0; i < browsers * 4; i++) {
                int user = i;
                pages.add(pool.submit(() -> new Browser().launch(platform, launch(tool, user))));
            }
            for (Future<Page> page : pages) {
                assertThat(page.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Launch launch(ToolRegistration tool, int user) {
        return Launch.resourceLink(tool, Launch.User.named(Integer.toString(user % 10), "U", "N" + user),
                user % 5 == 0 ? INSTRUCTOR : LEARNER, "C" + (user % 3), "L" + (user % 2));
    }
}
