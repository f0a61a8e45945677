package fr.competences.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application, {@code target/competences-lti.jar}, started as a separate process the way an
 * administrator starts it: configured by environment variables only, served on a free port.
 */
public final class TestApp implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";
    /** {@code -Dit.boot-timeout=…} (seconds) on a machine shared with heavy builds, where a boot can take minutes. */
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("it.boot-timeout", 150));
    /** The JVM options the README and the Docker image give the jar (docs/performance.md, start-up and memory). */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m");
    /**
     * {@code -Dit.jvm-options=…}, after the defaults (so they win): the test suite's (pom.xml) boot faster; the
     * benchmarks run with the defaults alone.
     */
    private static final List<String> EXTRA_JVM_OPTIONS = Arrays.stream(System.getProperty("it.jvm-options", "")
            .trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    /**
     * A boot that has written nothing for this long is stalled (a booting Payara logs every few seconds, even on a
     * loaded machine): it is retried at once rather than at {@link #BOOT_TIMEOUT}.
     */
    private static final Duration BOOT_SILENCE = Duration.ofSeconds(Long.getLong("it.boot-silence", 45));

    private final String name;
    private final Map<String, String> environment;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;

    private TestApp(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = environment;
        this.log = workDir().resolve(name + ".log");
    }

    /**
     * Starts an app on a new, empty data directory; {@code extraEnv} adds or overrides variables (DB_URL..., DATA_DIR
     * for a directory prepared beforehand, PORT to take over the port of an app stopped before).
     */
    public static TestApp start(String name, Map<String, String> extraEnv) {
        Path dataDir = workDir().resolve(name + "-data");
        deleteRecursively(dataDir);
        deleteRecursively(workDir().resolve(name + ".log"));
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", dataDir.toString());
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("LTI_OUTBOUND_ALLOW_LOOPBACK", "true"); // the test platforms listen on loopback
        // The suite and the benchmarks launch from one address far faster than a school does, and some tests send
        // wrong admin tokens on purpose: the defaults would throttle them. RateLimitsIT tests the limits themselves.
        env.put("RATE_LIMIT_LAUNCHES_PER_MINUTE", "1000000");
        env.put("RATE_LIMIT_ADMIN_FAILURES_PER_HOUR", "1000000");
        env.putAll(extraEnv);
        TestApp app = new TestApp(name, env);
        app.boot();
        return app;
    }

    /** The directory the application keeps its files in ({@code DATA_DIR}). */
    public Path dataDir() {
        return Path.of(environment.get("DATA_DIR"));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** An environment variable the application was started with (e.g. {@code DB_URL}); null when not set. */
    public String environment(String name) {
        return environment.get(name);
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).headers(withDefaults(headers)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process gracefully and starts it again on the same data and port. */
    public void restart() {
        stop();
        boot();
    }

    /** Starts the process again after {@link #kill()} or {@link #stop()}: same data, database and port. */
    public void startAgain() {
        boot();
    }

    /** Ends the process abruptly, as {@code kill -9} would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit();
    }

    public void stop() {
        process.destroy();
        waitForExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** The application's process, e.g. to read its CPU time in a benchmark. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(pas de journal : " + e.getMessage() + ")";
        }
    }

    /**
     * Boots the jar, and once more if it never became ready: Payara Micro's start-up can deadlock in HK2 (its run-level
     * threads waiting on each other's locks, seen a few times in hundreds of boots), which no waiting cures.
     */
    private void boot() {
        try {
            bootOnce();
        } catch (BootStalled stalled) {
            System.err.println(stalled.getMessage().lines().findFirst().orElse("") + " ; nouvel essai");
            bootOnce();
        }
    }

    private void bootOnce() {
        if (port == 0) {
            port = environment.containsKey("PORT") ? Integer.parseInt(environment.get("PORT")) : Ports.free();
        }
        String jar = System.getProperty("it.jar", "target/competences-lti.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(DEFAULT_JVM_OPTIONS);
        command.addAll(EXTRA_JVM_OPTIONS);
        command.addAll(List.of("-Djava.io.tmpdir=" + workDir(), "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitUntilReady();
    }

    private void waitUntilReady() {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String lastAnswer = "aucune";
        long logSize = -1;
        long lastOutput = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - lastOutput < BOOT_SILENCE.toNanos()) {
            long size = log.toFile().length();
            if (size != logSize) {
                logSize = size;
                lastOutput = System.nanoTime();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " s'est arrêtée au démarrage :\n" + logTail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + ready.statusCode();
            } catch (IOException notYet) {
                lastAnswer = notYet.toString(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        String tail = logTail();
        appendThreadDump();
        kill();
        throw new BootStalled(name + " n'a pas démarré (" + (System.nanoTime() < deadline ? "rien écrit depuis "
                + BOOT_SILENCE.toSeconds() + " s" : "pas prête en " + BOOT_TIMEOUT.toSeconds() + " s") + " ; port " + port
                + ", dernière réponse de /health/ready : " + lastAnswer + ", threads dans son journal) :\n" + tail);
    }

    /** Where the stalled boot's threads stood, in its log: what a report of the stall to Payara needs. */
    private void appendThreadDump() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process dump = new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            dump.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("Pas de vidage des threads de " + name + " : " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jar ran but fell silent, or never answered ready within {@link #BOOT_TIMEOUT}. */
    private static final class BootStalled extends IllegalStateException {
        BootStalled(String message) {
            super(message);
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String[] withDefaults(String... headers) {
        if (headers.length > 0) {
            return headers;
        }
        return new String[] {"Accept", "application/json"};
    }

    static Path workDir() {
        Path dir = Path.of(System.getProperty("it.workdir", "target/it"));
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
