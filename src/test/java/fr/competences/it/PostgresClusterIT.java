package fr.competences.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.HtmlForm;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the real jar on one PostgreSQL behind Debian's nginx with the shipped proxy rules (docs/deploy.md):
 * launches, grid saves and grade sync go on through nginx while node A is killed with kill -9 and restarted; what a
 * node caches stays right across nodes (a platform registered through A launches through B at once, once disabled
 * through A it is refused by B within {@code CLUSTER_REFRESH_INTERVAL}; a key added through A is published and used
 * by B at once). What each node answered
 * is read back from the other node, the database and the Moodle-like platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIT {

    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(3);
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String COURSE = "CLUSTER";
    static final String LINK = "L1";
    static final Launch.User TEACHER = Launch.User.named("800", "Ada", "Lovelace");
    static final int STUDENTS = 6;

    PostgresServer postgres;
    String databaseUrl;
    Nginx nginx;
    TestApp a;
    TestApp b;
    TestPlatform platform;
    MoodleServices moodle;
    ToolRegistration tool;
    TestPlatform otherPlatform;
    ToolRegistration otherTool;
    long otherPlatformId;
    long activity;
    String lineItem;
    String teacherSession;
    final Map<String, Long> students = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void twoNodesOnOneDatabaseBehindNginx() throws Exception {
        postgres = TestApps.postgresServer();
        databaseUrl = postgres.createDatabase("cluster");
        int front = Nginx.freePort();
        int portA = Ports.free();
        int portB = Ports.free();
        while (portB == portA || portB == front) {
            portB = Ports.free();
        }
        nginx = Nginx.start(front, List.of(portA, portB));
        Path evidence = Files.createDirectories(TestApp.workDir().resolve("cluster-data-" + System.nanoTime()));
        // Both nodes start at once on the empty database, as a cluster's first start does.
        Map<String, String> environmentB = environment(portB, evidence);
        CompletableFuture<TestApp> startingB = CompletableFuture.supplyAsync(() -> TestApp.start("cluster-b", environmentB));
        a = TestApp.start("cluster-a", environment(portA, evidence));
        b = startingB.join();

        platform = TestPlatform.start();
        moodle = platform.services();
        tool = platform.addTool(nginx.baseUrl());
        register(platform, tool, true);
        Set<String> scopes = new HashSet<>(MoodleServices.COLUMN_MANAGEMENT);
        scopes.add(MoodleServices.NRPS);
        moodle.permit(tool.clientId(), nginx.baseUrl() + "/lti/jwks", scopes);
        otherPlatform = TestPlatform.start();
        otherTool = otherPlatform.addTool(nginx.baseUrl());

        moodle.enrol(COURSE, TEACHER.id(), TEACHER.name(), Launch.INSTRUCTOR, "Active");
        Page editor = open(launch(tool, TEACHER, Launch.INSTRUCTOR, COURSE, null, null).deepLinking());
        HttpResponse<String> created = call(nginx.baseUrl(), "POST", "/api/deep-linking", session(editor),
                "{\"activities\":[{\"title\":\"TP cluster\",\"skills\":[{\"code\":\"B2.1\"}]}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        activity = Json.object(created.body()).getJsonArray("activities").getJsonObject(0).getJsonNumber("id").longValue();
        lineItem = moodle.addActivityLineItem(COURSE, LINK, "TP cluster", new BigDecimal("20"));
        for (int i = 1; i <= STUDENTS; i++) {
            Launch.User student = student(i);
            moodle.enrol(COURSE, student.id(), student.name(), Launch.LEARNER, "Active");
            assertThat(launchOnce(student)).as("launch of " + student.id()).isTrue();
        }
        teacherSession = session(open(launch(tool, TEACHER, Launch.INSTRUCTOR, COURSE, LINK, activity)));
        JsonObject grid = grid(nginx.baseUrl());
        for (JsonObject row : grid.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            students.put(row.getString("name"), row.getJsonNumber("studentUserId").longValue());
        }
        assertThat(students).hasSize(STUDENTS);
        moodle.latency(100); // scores in flight when a node dies
    }

    Map<String, String> environment(int port, Path evidence) {
        return Map.of("PORT", Integer.toString(port), "PUBLIC_URL", nginx.baseUrl(),
                "TRUSTED_PROXIES", "127.0.0.1", "DATA_DIR", evidence.toString(),
                "DB_URL", databaseUrl, "DB_USER", postgres.user(), "DB_PASSWORD", postgres.password(),
                "CLUSTER_REFRESH_INTERVAL", REFRESH_INTERVAL.toString(),
                "GRADEBOOK_SYNC_POLL_INTERVAL", "PT0.5S", "GRADEBOOK_SYNC_LEASE", "PT5S");
    }

    @AfterAll
    void stop() {
        for (AutoCloseable each : new AutoCloseable[] {nginx, a, b, platform, otherPlatform}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception ignored) {
                // the JVM is ending the run
            }
        }
    }

    @Test
    @Order(1)
    void launchesSavesAndGradesGoOnWhileANodeIsKilledAndRestarted() throws Exception {
        Launches launches = new Launches();
        CompletableFuture<Void> launching = CompletableFuture.runAsync(launches);
        Grid grid = new Grid(grid(nginx.baseUrl()));
        try {
            for (int i = 0; i < 6 || launches.done() < 3; i++) {
                grid.save();
            }
            a.kill();
            int killedAt = launches.done();
            List<Integer> answersWhileBooting = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> restart = CompletableFuture.runAsync(a::startAgain);
            CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> watch(a, restart, answersWhileBooting));
            while (!restart.isDone()) {
                grid.save();
                sleep(150); // a teacher's pace, leaving the cores to the booting node
            }
            restart.join();
            watching.join();
            int logBeforeRestart = nginx.accessLog().size();
            int savesAfterRestart = grid.acknowledged() + 8;
            // nginx tries node A again once its fail_timeout (5 s) is over: the load goes on until A has served some
            String servedByA = "node=127.0.0.1:" + a.port() + " node_status=";
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (grid.acknowledged() < savesAfterRestart || launches.done() < killedAt + 6
                    || nginx.accessLog().stream().skip(logBeforeRestart).filter(l -> l.contains(servedByA)).count() < 5) {
                assertThat(System.nanoTime()).as("node A serves again after its restart").isLessThan(deadline);
                grid.save();
                sleep(100);
            }
            launches.stop();
            launching.join();

            assertThat(launches.failed).as("launches that failed twice in a row").isEmpty();
            assertThat(launches.done()).isGreaterThan(killedAt);
            System.out.printf("Cluster: %d launches (%d after the kill, %d retried once), %d saves acknowledged "
                            + "(%d answered otherwise)%n", launches.done(), launches.done() - killedAt,
                    launches.retried.size(), grid.acknowledged(), grid.unacknowledged);
            assertThat(answersWhileBooting).as("node A answers only once ready: its port stays closed before")
                    .isNotEmpty().containsOnly(200);
        } finally {
            launches.stop();
        }

        // Every position acknowledged, read back from each node.
        for (TestApp node : List.of(a, b)) {
            assertThat(grid.levelsIn(grid(node.baseUrl()))).as("grid read from " + node.baseUrl())
                    .isEqualTo(grid.levels);
        }
        // Every student's last grade lands at the platform, and no score twice.
        await(TIMEOUT, () -> grid.levels.entrySet().stream().allMatch(level -> {
            MoodleServices.Grade grade = moodle.grade(lineItem, subjectOf(level.getKey()));
            return grade != null && grade.finalGrade().compareTo(expectedGrade(level.getValue())) == 0;
        }) && pendingScores() == 0, () -> "grades " + grid.levels + ", pending " + pendingScores());
        List<MoodleServices.ReceivedScore> posted = moodle.scores().stream()
                .filter(s -> s.lineItemId().equals(LINK)).toList();
        Map<String, Long> acceptedTwice = posted.stream().filter(s -> s.status() == 200)
                .collect(Collectors.groupingBy(s -> s.body().getString("userId") + "@" + s.body().getString("timestamp"),
                        Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(acceptedTwice).as("a score accepted twice").isEmpty();
        // a score in flight at the kill may be posted again: Moodle answers 409, never a second grade
        assertThat(posted).filteredOn(s -> s.status() != 200).allSatisfy(s -> assertThat(s.status()).isEqualTo(409));
    }

    @Test
    @Order(2)
    void aPlatformRegisteredThroughOneNodeLaunchesThroughTheOtherAtOnceAndOnceDisabledIsRefusedWithinTheInterval() {
        assertThat(login(b, platform, tool).status()).as("node B has read the registrations").isEqualTo(200);
        HttpResponse<String> registered = admin(a.baseUrl(), "POST", "/api/admin/lti/platforms",
                body(otherPlatform, otherTool, true));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        otherPlatformId = Json.object(registered.body()).getJsonNumber("id").longValue();
        assertThat(login(b, otherPlatform, otherTool).status()).as("node B admits the new platform at once")
                .isEqualTo(200);

        String session = session(open(launch(otherTool, TEACHER, Launch.INSTRUCTOR, "OTHER", "O1", null)));
        assertThat(call(b.baseUrl(), "GET", "/api/activities", session, null).statusCode()).isEqualTo(200);
        assertThat(login(a, otherPlatform, otherTool).status()).as("node A admits the platform").isEqualTo(200);

        HttpResponse<String> disabled = admin(a.baseUrl(), "PUT", "/api/admin/lti/platforms/" + otherPlatformId,
                body(otherPlatform, otherTool, false));
        long disabledAt = System.nanoTime();
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        assertThat(login(a, otherPlatform, otherTool).status()).as("node A refuses at once").isEqualTo(403);
        // the refresh interval, and room for this poll's own requests on a busy machine (less than the former 30 s)
        await(REFRESH_INTERVAL.plusSeconds(15), () -> call(b.baseUrl(), "GET", "/api/activities", session, null)
                .statusCode() == 403 && login(b, otherPlatform, otherTool).status() == 403,
                () -> "node B still admits the platform");
        System.out.printf("Cluster: platform disabled through A refused by B after %d ms (interval %s)%n",
                Duration.ofNanos(System.nanoTime() - disabledAt).toMillis(), REFRESH_INTERVAL);
    }

    @Test
    @Order(3)
    void aKeyAddedThroughOneNodeIsPublishedAndUsedByTheOtherAtOnce() throws Exception {
        String before = signingKid(admin(b.baseUrl(), "GET", "/api/admin/lti/keys", null));

        HttpResponse<String> added = admin(a.baseUrl(), "POST", "/api/admin/lti/keys?activateAfterHours=0", null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String kid = Json.object(added.body()).getString("kid");

        assertThat(b.get("/lti/jwks").body()).contains(kid);
        Page editor = open(launch(tool, TEACHER, Launch.INSTRUCTOR, COURSE, null, null).deepLinking());
        HttpResponse<String> signedByB = call(b.baseUrl(), "POST", "/api/deep-linking", session(editor),
                "{\"activities\":[{\"title\":\"TP clé\",\"skills\":[{\"code\":\"B2.1\"}]}]}");
        assertThat(signedByB.statusCode()).as(signedByB.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(Json.object(signedByB.body()).getString("jwt")).getHeader().getKeyID())
                .as("node B signs with the key added through A").isEqualTo(kid);

        assertThat(admin(a.baseUrl(), "DELETE", "/api/admin/lti/keys/" + before, null).statusCode()).isEqualTo(200);
        assertThat(b.get("/lti/jwks").body()).as("retired through A, no longer published by B")
                .contains(kid).doesNotContain(before);
    }

    // --- the load: launches in a loop on one thread, grid saves on the test's

    /** Students launching one after the other, each launch tried again once (a user reloading) if it fails. */
    final class Launches implements Runnable {

        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> retried = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void run() {
            while (running.get()) {
                Launch.User student = student(1 + count.get() % STUDENTS);
                if (!launchOnce(student)) {
                    retried.add(student.id());
                    if (!launchOnce(student)) {
                        failed.add(student.id() + " (launch " + count.get() + ")");
                    }
                }
                count.incrementAndGet();
                sleep(100);
            }
        }

        int done() {
            return count.get();
        }

        void stop() {
            running.set(false);
        }
    }

    /** The teacher's grid: each save sets one student's level; what the teacher was told was saved. */
    final class Grid {

        final Map<Long, Integer> levels = new HashMap<>();
        final Map<Long, Integer> versions = new HashMap<>();
        int saves;
        int acknowledged;
        int unacknowledged;

        Grid(JsonObject grid) {
            adopt(grid);
        }

        void save() {
            List<Long> ids = List.copyOf(students.values());
            long student = ids.get(saves % ids.size());
            int level = 1 + (saves / ids.size() + 1) % 3;
            saves++;
            HttpResponse<String> saved;
            try {
                saved = call(nginx.baseUrl(), "PUT", "/api/activities/" + activity + "/grid", teacherSession,
                        "{\"rows\":[{\"studentUserId\":" + student + ",\"version\":" + versions.get(student)
                                + ",\"levels\":{\"B2.1\":" + level + "}}]}");
            } catch (UncheckedIOException e) {
                saved = null;
            }
            if (saved != null && saved.statusCode() == 200) {
                JsonObject row = Json.object(saved.body()).getJsonArray("rows").getJsonObject(0);
                levels.put(student, level);
                versions.put(student, row.getInt("version"));
                acknowledged++;
            } else {
                // not acknowledged (a conflict, a node dying under it): the teacher reloads what is stored
                unacknowledged++;
                adopt(grid(nginx.baseUrl()));
            }
        }

        int acknowledged() {
            return acknowledged;
        }

        void adopt(JsonObject grid) {
            for (JsonObject row : grid.getJsonArray("rows").getValuesAs(JsonObject.class)) {
                long id = row.getJsonNumber("studentUserId").longValue();
                versions.put(id, row.getInt("version"));
                JsonObject rowLevels = row.getJsonObject("levels");
                if (rowLevels != null && rowLevels.containsKey("B2.1")) {
                    levels.put(id, rowLevels.getInt("B2.1"));
                }
            }
        }

        Map<Long, Integer> levelsIn(JsonObject grid) {
            Map<Long, Integer> read = new HashMap<>();
            for (JsonObject row : grid.getJsonArray("rows").getValuesAs(JsonObject.class)) {
                JsonObject rowLevels = row.getJsonObject("levels");
                if (rowLevels != null && rowLevels.containsKey("B2.1")) {
                    read.put(row.getJsonNumber("studentUserId").longValue(), rowLevels.getInt("B2.1"));
                }
            }
            return read;
        }
    }

    /** While the node boots: what its port answers to an application URL, every 100 ms (refused connections aside). */
    void watch(TestApp node, CompletableFuture<Void> restart, List<Integer> answers) {
        HttpRequest request = HttpRequest.newBuilder(node.uri("/lti/jwks")).timeout(Duration.ofSeconds(5)).build();
        while (!restart.isDone()) {
            try {
                answers.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException refused) {
                // not listening: what a proxy retries elsewhere
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(100);
        }
        try {
            answers.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("node A ready but not answering", e);
        }
    }

    // --- launches and calls

    static Launch.User student(int i) {
        return Launch.User.named(Integer.toString(100 + i), "Élève" + i, "Nom" + i);
    }

    String subjectOf(long userId) {
        String name = students.entrySet().stream().filter(e -> e.getValue() == userId).findFirst().orElseThrow().getKey();
        return Integer.toString(100 + Integer.parseInt(name.substring("Élève".length(), name.indexOf(' '))));
    }

    static Launch launch(ToolRegistration tool, Launch.User user, String role, String course, String link, Long activity) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, link,
                "Activité " + link, "LtiResourceLinkRequest",
                activity == null ? Map.of() : Map.of("activity_id", Long.toString(activity)), UnaryOperator.identity(),
                null);
    }

    /** A student's launch of the activity through nginx, as one try of a browser: true when its page came. */
    boolean launchOnce(Launch.User student) {
        try {
            Page page = open(launch(tool, student, Launch.LEARNER, COURSE, LINK, activity));
            return page.status() == 200 && page.uri().toString().contains("lti_session=");
        } catch (RuntimeException | AssertionError failed) {
            return false;
        }
    }

    Page open(Launch launch) {
        Browser browser = new Browser();
        Page page = browser.launch(launch.tool() == otherTool ? otherPlatform : platform, launch);
        return page.status() == 303 ? browser.get(page.location().orElseThrow()) : page;
    }

    /** The platform's login initiation posted straight to one node. */
    Page login(TestApp node, TestPlatform lms, ToolRegistration registration) {
        HtmlForm form = lms.loginInitiation(launch(registration, TEACHER, Launch.INSTRUCTOR, "OTHER", "O1", null));
        HtmlForm toNode = new HtmlForm(form.method(), form.action().replace(nginx.baseUrl(), node.baseUrl()), form.fields());
        return new Browser().submit(toNode);
    }

    JsonObject grid(String base) {
        HttpResponse<String> grid = call(base, "GET", "/api/activities/" + activity + "/grid", teacherSession, null);
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        return Json.object(grid.body());
    }

    long register(TestPlatform lms, ToolRegistration registration, boolean enabled) {
        HttpResponse<String> created = admin(nginx.baseUrl(), "POST", "/api/admin/lti/platforms",
                body(lms, registration, enabled));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.object(created.body()).getJsonNumber("id").longValue();
    }

    static String body(TestPlatform lms, ToolRegistration registration, boolean enabled) {
        return jakarta.json.Json.createObjectBuilder()
                .add("issuer", lms.issuer()).add("clientId", registration.clientId()).add("name", "Moodle")
                .add("authorizationEndpoint", lms.authorizationEndpoint()).add("tokenEndpoint", lms.tokenEndpoint())
                .add("jwksUri", lms.jwksUri())
                .add("deploymentIds", jakarta.json.Json.createArrayBuilder(registration.deploymentIds()))
                .add("enabled", enabled).build().toString();
    }

    static String signingKid(HttpResponse<String> keys) {
        return Json.array(keys.body()).getValuesAs(JsonObject.class).stream().filter(k -> k.getBoolean("signing"))
                .findFirst().orElseThrow().getString("kid");
    }

    HttpResponse<String> admin(String base, String method, String path, String json) {
        return send(base, method, path, json, "Authorization", "Bearer " + TestApp.ADMIN_TOKEN);
    }

    HttpResponse<String> call(String base, String method, String path, String session, String json) {
        return session == null ? send(base, method, path, json) : send(base, method, path, json, "X-Lti-Session", session);
    }

    HttpResponse<String> send(String base, String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + " " + page.status() + "\n" + page.body()).isTrue();
        return token.group(1);
    }

    /** Level → grade over 20 with the course's default rule (B2.1 is the activity's only skill, of 3 levels). */
    static BigDecimal expectedGrade(int level) {
        return BigDecimal.valueOf(level * 20L).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }

    long pendingScores() {
        try (Connection db = DriverManager.getConnection(databaseUrl, postgres.user(), postgres.password());
                ResultSet rows = db.createStatement().executeQuery(
                        "select count(*) from gb_score_sync where status <> 'SYNCED'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void await(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Délai dépassé : " + what.get() + "\nnginx :\n" + nginx.errorLogTail()
                        + "\nA :\n" + a.logTail() + "\nB :\n" + b.logTail());
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
