package fr.competences.lti;

import static fr.competences.lti.platform.Launch.INSTRUCTOR;
import static fr.competences.lti.platform.Launch.LEARNER;

import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import java.nio.file.Path;
import java.util.Map;

/**
 * What each request of a launch costs the tool, outside the test suite (docs/performance.md): a teacher and a student
 * launch three times each, and each request's {@code Server-Timing} (server time, SQL statements) is printed. H2 writes
 * every statement it runs to {@code target/launch-trace-<time>/competences.trace.db}, to see which rows a launch reads twice.
 * {@code mvn -B -ntp -q test-compile exec:java -Dexec.mainClass=fr.competences.lti.LaunchTrace
 * -Dexec.classpathScope=test} after {@code mvn package -DskipTests}.
 */
public final class LaunchTrace {

    private LaunchTrace() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of("target", "launch-trace-" + System.currentTimeMillis()).toAbsolutePath();
        Map<String, String> environment = Map.of("SERVER_TIMING", "true", "DB_USER", "sa", "DB_PASSWORD", "trace",
                "DB_URL", "jdbc:h2:file:" + database.resolve("competences") + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=2");
        try (TestApp app = TestApp.start("launch-trace", environment);
                TestPlatform platform = TestPlatform.start()) {
            ToolRegistration tool = Registrar.register(app, platform);
            Browser browser = new Browser();
            for (int round = 1; round <= 3; round++) {
                for (int user = 0; user < 2; user++) {
                    Launch launch = Launch.resourceLink(tool, Launch.User.named(Integer.toString(user), "U", "N" + user),
                            user == 0 ? INSTRUCTOR : LEARNER, "C", "L");
                    System.out.println("TRACE round " + round + ", " + (user == 0 ? "teacher" : "student"));
                    Page login = browser.submit(platform.loginInitiation(launch));
                    show("  login", login);
                    Page platformAnswer = browser.submit(login.form("lti-login").orElseThrow());
                    Page launched = browser.submit(platformAnswer.form("ltiAuthForm").orElseThrow());
                    show("  id_token POST", launched);
                    Page landing = browser.get(launched.location().orElseThrow());
                    show("  " + landing.uri().getPath(), landing);
                }
            }
        }
    }

    private static void show(String step, Page page) {
        System.out.println("TRACE " + step + " → " + page.status() + ", " + page.body().length() + " chars, "
                + String.join(", ", page.headers("Server-Timing")));
    }
}
