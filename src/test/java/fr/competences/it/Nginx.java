package fr.competences.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx ({@code apt-get install nginx}) in front of application nodes, run as the current user with a
 * configuration written under {@code target/it} (no system service): the upstream of the given ports, round robin, and
 * the proxy rules the project ships ({@code docker/cluster/proxy.conf}), so that the test runs the configuration
 * administrators get. Its access log names the node that served each request.
 */
public final class Nginx implements AutoCloseable {

    private static final List<String> BINARIES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx");

    private final int port;
    private final Path dir;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Nginx(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** A free port for nginx, to give the nodes their {@code PUBLIC_URL} before they start. */
    public static int freePort() {
        return Ports.free();
    }

    /** Starts nginx on {@code port} in front of nodes listening on these loopback ports (up or not yet). */
    public static Nginx start(int port, List<Integer> nodePorts) {
        String binary = binary();
        Path dir = TestApp.workDir().resolve("nginx-" + port);
        try {
            Files.createDirectories(dir.resolve("temp"));
            Files.writeString(dir.resolve("nginx.conf"), configuration(port, nodePorts, dir));
            Process process = new ProcessBuilder(binary, "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                    "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(port, dir, process);
            nginx.waitUntilListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binary() {
        return BINARIES.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new IllegalStateException("nginx introuvable (" + String.join(", ", BINARIES)
                        + ") : le test de plusieurs nœuds derrière nginx en a besoin. Debian : apt-get install nginx "
                        + "(.ci/run l'installe)."));
    }

    /** Round robin over the nodes; a node that refuses a connection is left aside for 5 s. */
    static String configuration(int port, List<Integer> nodePorts, Path dir) {
        Path proxyRules = Path.of("docker", "cluster", "proxy.conf").toAbsolutePath();
        if (!Files.isRegularFile(proxyRules)) {
            throw new IllegalStateException("Règles du proxy introuvables : " + proxyRules);
        }
        String servers = nodePorts.stream()
                .map(node -> "        server 127.0.0.1:" + node + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        // As root, nginx would run its workers as "nobody", who cannot write the temporary files under target/.
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        return user + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 512; }
                http {
                    log_format nodes '$request_method $uri $status node=$upstream_addr node_status=$upstream_status';
                    access_log %1$s/access.log nodes;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    upstream competences {
                %2$s
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            include %4$s;
                        }
                    }
                }
                """.formatted(dir, servers, port, proxyRules);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
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

    /** The access log: one line per request, {@code METHOD /path STATUS node=ADDR[, ADDR] node_status=…}. */
    public List<String> accessLog() {
        try {
            Path log = dir.resolve("access.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String errorLogTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(pas de journal d'erreurs : " + e.getMessage() + ")";
        }
    }

    private void waitUntilListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx s'est arrêté au démarrage :\n" + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx n'écoute pas sur le port " + port + " :\n" + output());
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("nginx.out")) + "\n" + errorLogTail();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Fast shutdown (SIGTERM to the master, which stops its worker). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
