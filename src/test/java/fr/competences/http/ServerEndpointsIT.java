package fr.competences.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the server around the application shows anonymous callers, and where the process listens: the real jar.
 */
class ServerEndpointsIT {

    static final TestApp APP = TestApps.h2();

    @Test
    void metricsAndTheGeneratedWadlAreNotServed() {
        HttpResponse<String> metrics = APP.get("/metrics", "Accept", "text/plain");
        assertThat(metrics.statusCode()).isIn(403, 404); // Payara answers 403 for its disabled endpoint
        assertThat(metrics.body()).doesNotContain("classloader", "jvm_", "base_");
        HttpResponse<String> wadl = APP.get("/application.wadl", "Accept", "*/*");
        assertThat(wadl.statusCode()).isEqualTo(404);
        assertThat(wadl.body()).doesNotContain("wadl.dev.java.net");
    }

    @Test
    void healthSaysUpAndNothingOfTheDatabase() {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            HttpResponse<String> health = APP.get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(Json.object(health.body()).getString("status")).isEqualTo("UP");
            assertThat(health.body()).as(path).doesNotContainIgnoringCase("h2").doesNotContain("product")
                    .doesNotContain("\"data\":{\"");
        }
    }

    /** Hazelcast used to listen on 0.0.0.0:6900 (and up) although the application never clusters. */
    @Test
    void theServersOwnEndpointsCarryTheSecurityHeadersToo() {
        for (String path : List.of("/health", "/openapi")) {
            HttpResponse<String> answer = APP.get(path, "Accept", "*/*");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
    }

    @Test
    void theProcessListensOnItsHttpPortAlone() throws IOException {
        long pid = APP.process().pid();
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "needs Linux /proc");
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> links = Files.list(fds)) {
            for (Path link : links.toList()) {
                try {
                    String target = Files.readSymbolicLink(link).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        Set<Integer> listening = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] columns = line.trim().split("\\s+");
                // local_address = HEXIP:HEXPORT, st 0A = LISTEN, inode in column 9
                if (columns[3].equals("0A") && sockets.contains(columns[9])) {
                    listening.add(Integer.parseInt(columns[1].substring(columns[1].indexOf(':') + 1), 16));
                }
            }
        }
        assertThat(listening).containsExactly(APP.uri("/").getPort());
    }
}
