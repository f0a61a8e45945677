package fr.competences.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One running application per database for the whole container test run: booting Payara Micro costs
 * 10–20 s, so test classes share these and the JVM's exit stops them.
 */
public final class TestApps {

    /** The daily jobs (retention of courses after three years, audit purge) look every second whether they are due. */
    private static final Map<String, String> DAILY_JOBS_EVERY_SECOND = Map.of("RETENTION_AFTER_COURSE_END", "P3Y",
            "RETENTION_CHECK_INTERVAL", "PT1S", "AUDIT_PURGE_CHECK_INTERVAL", "PT1S");

    private static TestApp h2;
    private static TestApp postgres;
    private static TestApp h2DailyJobs;
    private static List<TestApp> postgresDailyJobs;
    private static PostgresServer postgresServer;
    private static String postgresDatabase;

    private TestApps() {
    }

    /** The application on its default embedded H2 database. */
    public static synchronized TestApp h2() {
        if (h2 == null) {
            h2 = TestApp.start("app-h2", Map.of("SERVER_TIMING", "true"));
            Runtime.getRuntime().addShutdownHook(new Thread(h2::close));
        }
        return h2;
    }

    /** The application on PostgreSQL ({@code DB_URL} set), in a database of its own. */
    public static synchronized TestApp postgres() {
        if (postgres == null) {
            try {
                PostgresServer server = postgresServer();
                postgresDatabase = server.createDatabase("competences");
                postgres = TestApp.start("app-postgres", Map.of(
                        "DB_URL", postgresDatabase,
                        "DB_USER", server.user(),
                        "DB_PASSWORD", server.password(),
                        "SERVER_TIMING", "true"));
            } catch (Exception e) {
                throw new IllegalStateException("Impossible de démarrer l'application sur PostgreSQL : " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres;
    }

    /**
     * An H2 application whose daily jobs look every second, for the retention and audit purge tests. They may stop
     * it to write dates in the past into its database, and break its data directory for a moment.
     */
    public static synchronized TestApp h2DailyJobs() {
        if (h2DailyJobs == null) {
            h2DailyJobs = TestApp.start("daily-jobs-h2", DAILY_JOBS_EVERY_SECOND);
            Runtime.getRuntime().addShutdownHook(new Thread(h2DailyJobs::close));
        }
        return h2DailyJobs;
    }

    /**
     * Two instances on one PostgreSQL database and one data directory, as a school running two nodes would, whose
     * daily jobs look every second: each job must run once for both.
     */
    public static synchronized List<TestApp> postgresDailyJobs() {
        if (postgresDailyJobs == null) {
            try {
                PostgresServer server = postgresServer();
                Map<String, String> environment = new HashMap<>(DAILY_JOBS_EVERY_SECOND);
                environment.putAll(Map.of("DB_URL", server.createDatabase("daily_jobs"), "DB_USER", server.user(),
                        "DB_PASSWORD", server.password()));
                TestApp first = TestApp.start("daily-jobs-pg-a", environment);
                environment.put("DATA_DIR", first.dataDir().toString());
                postgresDailyJobs = List.of(first, TestApp.start("daily-jobs-pg-b", environment));
            } catch (Exception e) {
                throw new IllegalStateException("Impossible de démarrer les deux instances sur PostgreSQL : "
                        + e.getMessage(), e);
            }
            postgresDailyJobs.forEach(app -> Runtime.getRuntime().addShutdownHook(new Thread(app::close)));
        }
        return postgresDailyJobs;
    }

    /** The JDBC URL of {@link #postgres()}'s database, to read back what it stored. */
    public static synchronized String postgresDatabase() {
        postgres();
        return postgresDatabase;
    }

    /** The shared PostgreSQL server, for tests that need a database of their own. */
    public static synchronized PostgresServer postgresServer() throws Exception {
        if (postgresServer == null) {
            postgresServer = PostgresServer.start();
            PostgresServer server = postgresServer;
            // Shutdown hooks run concurrently: "pg_ctl -m immediate" copes with apps still connected.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgresServer;
    }

    /** Both, for tests that must hold on H2 and on PostgreSQL. */
    public static Map<String, java.util.function.Supplier<TestApp>> all() {
        return Map.of("H2", TestApps::h2, "PostgreSQL", TestApps::postgres);
    }
}
