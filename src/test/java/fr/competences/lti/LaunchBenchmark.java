package fr.competences.lti;

import static fr.competences.lti.platform.Launch.INSTRUCTOR;
import static fr.competences.lti.platform.Launch.LEARNER;

import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Launch load driver, outside the test suite ({@code mvn -Pbench verify}, see docs/lti.md): N simulated browsers
 * do full launches (tool login → platform auth → id_token POST → landing page) against the real jar for a fixed
 * time, on H2 or PostgreSQL. Prints, for each of several successive windows after a short warm-up, launches/s, latency
 * percentiles, errors, and the application process's CPU time per launch, the figure that does not depend on the
 * driver sharing the machine's cores. On 2 cores the JIT compilers take two to three minutes to settle: the first
 * windows show that warm-up, the last ones the steady state.
 */
public final class LaunchBenchmark {

    record Result(String database, int browsers, long launches, long errors, double seconds, double cpuMsPerLaunch,
            List<Long> latenciesMicros) {

        String report() {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return String.format("%-10s browsers=%d launches=%d errors=%d launches/s=%.1f p50=%.1fms p95=%.1fms "
                            + "p99=%.1fms appCPU/launch=%.3fms", database, browsers, launches, errors,
                    launches / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    cpuMsPerLaunch);
        }

        private static double percentile(List<Long> sorted, int p) {
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
        }
    }

    private LaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = System.getProperty("bench.db", "h2");
        int browsers = Integer.getInteger("bench.browsers", 16);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
        // successive windows show the JIT's warm-up instead of hiding it in one figure; the last is the steady state
        int windows = Integer.getInteger("bench.windows", 6);
        try (PostgresServer postgres = "postgres".equals(database) ? PostgresServer.start() : null;
                TestApp app = TestApp.start("bench-" + database + "-" + System.currentTimeMillis(), environment(postgres));
                TestPlatform platform = TestPlatform.start()) {
            ToolRegistration tool = Registrar.register(app, platform);
            run(app, platform, tool, browsers, warmup, database);
            StringBuilder report = new StringBuilder();
            for (int window = 1; window <= windows; window++) {
                if (window == windows && Boolean.getBoolean("bench.profile")) {
                    profile(app, measure, Path.of("target", "bench-" + database + ".jfr"));
                }
                Result result = run(app, platform, tool, browsers, measure, database);
                String line = String.format("window %d/%d (from %ds) %s resident=%dMB", window, windows,
                        warmup.toSeconds() + (window - 1) * measure.toSeconds(), result.report(), residentMb(app));
                System.out.println("BENCH " + line);
                report.append(line).append(System.lineSeparator());
            }
            Files.writeString(Path.of("target", "bench-" + database + ".txt"), report);
        }
    }

    private static Map<String, String> environment(PostgresServer postgres) throws Exception {
        if (postgres == null) {
            return Map.of();
        }
        return Map.of("DB_URL", postgres.createDatabase("bench"), "DB_USER", postgres.user(),
                "DB_PASSWORD", postgres.password());
    }

    /** Each browser launches again and again: 1 teacher in 5, in 10 courses of 40 users. */
    static Result run(TestApp app, TestPlatform platform, ToolRegistration tool, int browsers, Duration duration,
            String database) throws InterruptedException {
        return run(List.of(app), platform, tool, browsers, duration, database);
    }

    /** The same against several nodes (behind a proxy: the tool's URLs are the proxy's); CPU time of them all. */
    static Result run(List<TestApp> apps, TestPlatform platform, ToolRegistration tool, int browsers, Duration duration,
            String database) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong launches = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        Duration cpuBefore = cpu(apps);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(browsers);
        for (int b = 0; b < browsers; b++) {
            int browser = b;
            pool.submit(() -> {
                Browser client = new Browser();
                for (long i = 0; System.nanoTime() < deadline; i++) {
                    int user = (int) ((browser * 7919 + i) % 400);
                    Launch launch = Launch.resourceLink(tool, Launch.User.named(Integer.toString(user), "U", "N" + user),
                            user % 5 == 0 ? INSTRUCTOR : LEARNER, "B" + (user % 10), "L" + (user % 3));
                    long t0 = System.nanoTime();
                    try {
                        Page page = client.launch(platform, launch);
                        if (page.status() == 200) {
                            latencies.add((System.nanoTime() - t0) / 1000);
                            launches.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (RuntimeException | AssertionError e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = cpu(apps).minus(cpuBefore).toNanos() / 1e6;
        return new Result(database, browsers, launches.get(), errors.get(), seconds,
                launches.get() == 0 ? 0 : cpuMs / launches.get(), latencies);
    }

    /** A JFR recording of the application during the measured run ({@code -Dbench.profile=true}). */
    private static void profile(TestApp app, Duration duration, Path file) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(app.process().pid()), "JFR.start", "settings=profile",
                "duration=" + duration.toSeconds() + "s", "filename=" + file.toAbsolutePath()).inheritIO().start()
                .waitFor();
    }

    /** The application process's resident memory (VmRSS), the figure of the memory target (docs/performance.md). */
    static long residentMb(TestApp app) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(app.process().pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1);
    }

    static Duration cpu(List<TestApp> apps) {
        return apps.stream().map(app -> app.process().info().totalCpuDuration().orElseThrow())
                .reduce(Duration.ZERO, Duration::plus);
    }
}
