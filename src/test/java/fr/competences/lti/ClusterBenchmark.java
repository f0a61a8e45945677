package fr.competences.lti;

import fr.competences.it.Nginx;
import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link LaunchBenchmark} through Debian's nginx with the shipped proxy rules, in front of N nodes on one PostgreSQL
 * (docs/deploy.md): {@code mvn -B -ntp -Pbench-cluster verify -Dbench.nodes=1|2|3}. Prints the launch figures and
 * each node's CPU time per launch it served.
 */
public final class ClusterBenchmark {

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.getInteger("bench.nodes", 2);
        int browsers = Integer.getInteger("bench.browsers", 16);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
        List<TestApp> apps = new ArrayList<>();
        try (PostgresServer postgres = PostgresServer.start(); TestPlatform platform = TestPlatform.start()) {
            String database = postgres.createDatabase("cluster_bench");
            int front = Nginx.freePort();
            List<CompletableFuture<TestApp>> starting = new ArrayList<>();
            for (int n = 1; n <= nodes; n++) {
                String name = "bench-node" + n + "-" + System.currentTimeMillis();
                Map<String, String> environment = Map.of("DB_URL", database, "DB_USER", postgres.user(),
                        "DB_PASSWORD", postgres.password(), "PUBLIC_URL", "http://localhost:" + front,
                        "TRUSTED_PROXIES", "127.0.0.1");
                starting.add(CompletableFuture.supplyAsync(() -> TestApp.start(name, environment)));
            }
            starting.forEach(node -> apps.add(node.join()));
            try (Nginx nginx = Nginx.start(front, apps.stream().map(TestApp::port).toList())) {
                ToolRegistration tool = platform.addTool(nginx.baseUrl());
                HttpResponse<String> created = Registrar.admin(apps.getFirst(), "POST", "/api/admin/lti/platforms",
                        Registrar.body(platform, tool, true));
                if (created.statusCode() != 201) {
                    throw new IllegalStateException(created.body());
                }
                String label = "nginx+" + nodes;
                LaunchBenchmark.run(apps, platform, tool, browsers, warmup, label);
                List<Duration> before = apps.stream().map(app -> LaunchBenchmark.cpu(List.of(app))).toList();
                LaunchBenchmark.Result result = LaunchBenchmark.run(apps, platform, tool, browsers, measure, label);
                StringBuilder line = new StringBuilder(result.report());
                for (int n = 0; n < apps.size(); n++) {
                    double cpuMs = LaunchBenchmark.cpu(List.of(apps.get(n))).minus(before.get(n)).toNanos() / 1e6;
                    line.append(String.format(" node%d.CPU=%.1fs", n + 1, cpuMs / 1000));
                }
                System.out.println("BENCH " + line);
                Files.writeString(Path.of("target", "bench-cluster-" + nodes + ".txt"), line + System.lineSeparator());
            }
        } finally {
            apps.forEach(TestApp::close);
        }
    }
}
