package fr.competences.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real jar gives up a boot that is not done within {@code STARTUP_TIMEOUT}, so that its supervisor restarts it;
 * 1 s is shorter than any boot, which stands here for one that deadlocked.
 */
class StartupTimeoutIT {

    @Test
    void aBootLongerThanTheTimeoutEndsTheProcessWithItsOwnStatusAndSaysWhy() throws Exception {
        Outcome outcome = run(Map.of("STARTUP_TIMEOUT", "PT1S"));

        assertThat(outcome.status()).as(outcome.output()).isEqualTo(75);
        assertThat(outcome.output()).contains("n’est pas démarré après PT1S (STARTUP_TIMEOUT)", "relance",
                "Threads au moment de l’arrêt", "\"main\"");
        assertThat(outcome.output()).doesNotContain("Compétences LTI prêt");
    }

    @Test
    void aTimeoutThatIsNoDurationIsRefusedBeforeBooting() throws Exception {
        Outcome outcome = run(Map.of("STARTUP_TIMEOUT", "5 minutes"));

        assertThat(outcome.status()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).contains("STARTUP_TIMEOUT=5 minutes", "PT5M").doesNotContain("Payara");
    }

    record Outcome(int status, String output) {
    }

    private static Outcome run(Map<String, String> environment) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + TestApp.workDir(), "-jar",
                System.getProperty("it.jar", "target/competences-lti.jar"))).redirectErrorStream(true);
        builder.environment().put("DATA_DIR", TestApp.workDir().resolve("startup-timeout-data").toString());
        builder.environment().put("PORT", Integer.toString(Ports.free()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
