package fr.competences.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster on loopback for the container tests, or the server named by
 * {@code TEST_PG_URL} (with {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}) when set. The binaries
 * come from the machine's PostgreSQL install (Debian: {@code apt-get install postgresql}). PostgreSQL
 * refuses to run as root, so as root the cluster runs as "nobody".
 */
public final class PostgresServer implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final Path clusterDir;
    private final Path binDir;
    private int databases;

    private PostgresServer(String adminUrl, String user, String password, Path clusterDir, Path binDir) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.clusterDir = clusterDir;
        this.binDir = binDir;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        String external = System.getenv("TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer(external, env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", ""), null, null);
        }
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        // As root the cluster runs as "nobody", who must reach its directory: /tmp is open to all.
        Path dir = Files.createTempDirectory(root ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir")),
                "competences-pg-");
        int port = Ports.free();
        if (root) {
            run(List.of("chown", "-R", "65534:65534", dir.toString()));
        }
        Path data = dir.resolve("data");
        asPostgresUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "app",
                "--auth=trust", "-E", "UTF8", "--no-locale"));
        asPostgresUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                // PostgreSQL's durable defaults (fsync, synchronous_commit on): the crash tests rely on them
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "app", "", dir, bin);
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + (++databases) + "_" + ProcessHandle.current().pid();
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Stops the server at once, as a crash or a failover would, and starts it again on the same port and data. */
    public void restart() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = clusterDir.resolve("data");
        // restart keeps the first start's options (port, socket directory), from postmaster.opts
        asPostgresUser(root, List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                clusterDir.resolve("postgres.log").toString(), "-m", "immediate", "-w", "-t", "60", "restart"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (clusterDir != null) {
            boolean root = "root".equals(System.getProperty("user.name"));
            asPostgresUser(root, List.of(binDir.resolve("pg_ctl").toString(), "-D", clusterDir.resolve("data").toString(),
                    "-m", "immediate", "stop"));
            run(List.of("rm", "-rf", clusterDir.toString()));
        }
    }

    private static Path findBinaries() throws IOException {
        for (String candidate : List.of("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
                "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/14/bin", "/usr/local/bin", "/usr/bin")) {
            Path dir = Path.of(candidate);
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return dir;
            }
        }
        throw new IOException("PostgreSQL introuvable pour les tests : installez-le (Debian : apt-get install postgresql) "
                + "ou indiquez un serveur avec TEST_PG_URL, TEST_PG_USER et TEST_PG_PASSWORD.");
    }

    private static void asPostgresUser(boolean root, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("Échec de " + String.join(" ", command) + " :\n" + output);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
