package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
 * The outbox delivered to a Moodle-like platform by the real application on PostgreSQL, in every failure case of
 * issue 4: exact payloads and one token, platform down then up, a user Moodle refuses, a grade overridden in Moodle,
 * a line item the launch did not name, kill -9 in the middle of the queue, two instances on one database. Course,
 * links and users come from real launches; pending scores are written to the outbox as a committed change of
 * positions leaves them (the test reads and writes the database directly, hence PostgreSQL only).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresGradebookSyncIT {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    static final String COURSE = "C1";

    PostgresServer postgres;
    String databaseUrl;
    TestApp app;
    TestPlatform platform;
    MoodleServices moodle;
    ToolRegistration tool;
    String teacherSession;
    long teacherId;
    final Map<String, Long> students = new LinkedHashMap<>();
    long nextRowId = 1_000_000;

    @BeforeAll
    void launchTheCourse() throws Exception {
        postgres = TestApps.postgresServer();
        databaseUrl = postgres.createDatabase("gradebook");
        app = TestApp.start("gradebook-a", environment());
        platform = TestPlatform.start();
        moodle = platform.services();
        tool = Registrar.register(app, platform);
        Set<String> scopes = new HashSet<>(MoodleServices.COLUMN_MANAGEMENT);
        scopes.add(MoodleServices.NRPS);
        moodle.addTool(tool.clientId(), app.baseUrl() + "/lti/jwks", scopes);
        Launch.User teacher = Launch.User.named("900", "Marie", "Curie");
        moodle.enrol(COURSE, teacher.id(), "Marie Curie", Launch.INSTRUCTOR, "Active");
        for (String link : List.of("L1", "L2", "L3", "L4", "L5")) {
            moodle.addActivityLineItem(COURSE, link, "Activité " + link, new BigDecimal("20"));
            teacherSession = session(new Browser().launch(platform,
                    Launch.resourceLink(tool, teacher, Launch.INSTRUCTOR, COURSE, link)));
        }
        for (int i = 1; i <= 12; i++) {
            Launch.User student = Launch.User.named(Integer.toString(100 + i), "Élève" + i, "Nom" + i);
            moodle.enrol(COURSE, student.id(), student.name(), Launch.LEARNER, "Active");
            new Browser().launch(platform, Launch.resourceLink(tool, student, Launch.LEARNER, COURSE, "L1"));
        }
        try (Connection db = database()) {
            for (Object[] user : rows(db, "select id, subject from lti_user order by subject")) {
                if (((String) user[1]).equals(teacher.id())) {
                    teacherId = ((Number) user[0]).longValue();
                } else {
                    students.put((String) user[1], ((Number) user[0]).longValue());
                }
            }
        }
        assertThat(students).hasSize(12);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void deliversEachScoreWithItsExactPayloadUsingOneToken() throws Exception {
        int tokensBefore = moodle.tokenRequests();
        List<String> subs = List.copyOf(students.keySet()).subList(0, 8);
        enqueue("L1", 901, subs, new BigDecimal("13.33"));

        awaitSynced("L1", subs.size());

        List<MoodleServices.ReceivedScore> received = accepted("L1");
        assertThat(received).hasSize(8).allSatisfy(score -> {
            assertThat(score.contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
            JsonObject body = score.body();
            assertThat(body.keySet()).containsExactlyInAnyOrder("userId", "scoreGiven", "scoreMaximum",
                    "activityProgress", "gradingProgress", "timestamp", "comment");
            assertThat(body.getJsonNumber("scoreGiven").bigDecimalValue()).isEqualByComparingTo("13.33");
            assertThat(body.getJsonNumber("scoreMaximum").bigDecimalValue()).isEqualByComparingTo("20");
            assertThat(body.getString("activityProgress")).isEqualTo("Completed");
            assertThat(body.getString("gradingProgress")).isEqualTo("FullyGraded");
            assertThat(body.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(body.getString("comment")).isEqualTo("B1.1 Acquis\nB1.2 En cours d’acquisition");
        });
        assertThat(received).extracting(score -> score.body().getString("userId")).containsExactlyInAnyOrderElementsOf(subs);
        assertThat(moodle.grade(lineItem("L1"), subs.getFirst()).feedback()).startsWith("B1.1 Acquis");
        assertThat(moodle.tokenRequests() - tokensBefore).isEqualTo(1);
        try (Connection db = database()) {
            assertThat(rows(db, "select count(*) from gb_delivery d join gb_score_sync s on s.id = d.sync_id "
                    + "where s.resource_link_id = ? and d.outcome = 'SYNCED' and d.http_status = 200", link("L1"))
                    .getFirst()[0]).isEqualTo(8L);
        }
    }

    @Test
    @Order(2)
    void teacherSeesStatusesAndAGradeOverriddenInMoodle() {
        String overridden = students.keySet().iterator().next();
        moodle.override(lineItem("L1"), overridden, new BigDecimal("5"));

        JsonObject status = Json.object(teacher("GET", "/api/gradebook/status").body());
        assertThat(status.getJsonArray("activities").getJsonObject(0).getInt("synced")).isGreaterThanOrEqualTo(8);
        assertThat(status.getJsonArray("students").getValuesAs(JsonObject.class))
                .anySatisfy(cell -> assertThat(cell.getString("status")).isEqualTo("SYNCED"));

        HttpResponse<String> differences = teacher("GET", "/api/gradebook/activities/901/differences");
        assertThat(differences.statusCode()).as(differences.body()).isEqualTo(200);
        List<JsonObject> rows = Json.array(differences.body()).getValuesAs(JsonObject.class);
        assertThat(rows).hasSize(8);
        assertThat(rows).filteredOn(row -> row.getJsonNumber("userId").longValue() == students.get(overridden))
                .singleElement().satisfies(row -> {
                    assertThat(row.getString("kind")).isEqualTo("DIFFERENT");
                    assertThat(row.getJsonNumber("platformScore").bigDecimalValue()).isEqualByComparingTo("5");
                });
        assertThat(rows).filteredOn(row -> row.getString("kind").equals("SAME")).hasSize(7);
    }

    @Test
    @Order(3)
    void aUserMoodleCannotGradeFailsAtOnceWithItsExplanation() throws Exception {
        try (Connection db = database()) {
            insert(db, "L2", 902, "900", teacherId, new BigDecimal("10"));
        }
        await(() -> count("select count(*) from gb_score_sync where resource_link_id = ? and status = 'FAILED'",
                link("L2")) == 1);

        JsonObject cell = Json.object(teacher("GET", "/api/gradebook/status").body()).getJsonArray("students")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getInt("activityId") == 902).findFirst().orElseThrow();
        assertThat(cell.getString("status")).isEqualTo("FAILED");
        assertThat(cell.getInt("httpStatus")).isEqualTo(400);
        assertThat(cell.getString("platformMessage")).contains("Incorrect score received");
        assertThat(cell.getJsonObject("explanation").getString("fr")).contains("seuls les étudiants inscrits");
        assertThat(count("select count(*) from gb_delivery d join gb_score_sync s on s.id = d.sync_id "
                + "where s.resource_link_id = ?", link("L2"))).isEqualTo(1);
    }

    @Test
    @Order(4)
    void platformDownThenUpDeliversLater() throws Exception {
        List<String> subs = List.copyOf(students.keySet()).subList(0, 5);
        moodle.down(true);
        try {
            enqueue("L3", 903, subs, new BigDecimal("20"));
            await(() -> count("select count(*) from gb_score_sync where resource_link_id = ? and attempts >= 1 "
                    + "and last_http_status = 503 and status = 'PENDING'", link("L3")) == subs.size());
        } finally {
            moodle.down(false);
        }
        awaitSynced("L3", subs.size());
        assertThat(accepted("L3")).extracting(s -> s.body().getString("userId")).containsExactlyInAnyOrderElementsOf(subs);
    }

    @Test
    @Order(5)
    void killedMidQueueDeliversEveryScoreOnceAfterRestart() throws Exception {
        List<String> subs = List.copyOf(students.keySet());
        moodle.latency(400);
        try {
            enqueue("L4", 904, subs, new BigDecimal("7.5"));
            await(() -> accepted("L4").size() >= 2);
            app.kill();
            int beforeRestart = accepted("L4").size();
            assertThat(beforeRestart).isLessThan(subs.size());
            app.startAgain(); // same host and port: it takes back its dead run's leases instead of waiting 2 min
            awaitSynced("L4", subs.size());
        } finally {
            moodle.latency(0);
        }
        Map<String, Long> acceptedPerUser = accepted("L4").stream()
                .collect(Collectors.groupingBy(s -> s.body().getString("userId"), Collectors.counting()));
        assertThat(acceptedPerUser).hasSize(subs.size()).allSatisfy((user, count) -> assertThat(count).isEqualTo(1L));
        // a score in flight at the kill may be posted again: Moodle answers 409, never a second grade
        assertThat(moodle.scores()).filteredOn(s -> s.lineItemId().equals("L4") && s.status() != 200)
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(409));
    }

    @Test
    @Order(6)
    void twoInstancesOnOneDatabaseDeliverEachScoreOnce() throws Exception {
        try (TestApp second = TestApp.start("gradebook-b", environment())) {
            moodle.latency(100);
            List<String> subs = List.copyOf(students.keySet());
            try (Connection db = database()) { // 12 + 7 + 4 due rows in one commit; each instance leases 8 at most
                db.setAutoCommit(false);
                for (String sub : subs) {
                    insert(db, "L5", 905, sub, students.get(sub), new BigDecimal("11"));
                }
                for (String sub : subs.subList(5, 12)) {
                    insert(db, "L3", 903, sub, students.get(sub), new BigDecimal("11"));
                }
                for (String sub : subs.subList(8, 12)) {
                    insert(db, "L1", 901, sub, students.get(sub), new BigDecimal("11"));
                }
                db.commit();
            }
            awaitSynced("L5", 12);
            awaitSynced("L3", 12);
            awaitSynced("L1", 12);
            for (String link : List.of("L5", "L3", "L1")) {
                assertThat(moodle.scores()).filteredOn(s -> s.lineItemId().equals(link))
                        .extracting(s -> s.body().getString("userId")).hasSize(12).doesNotHaveDuplicates();
            }
            assertThat(count("select count(distinct d.instance) from gb_delivery d join gb_score_sync s "
                    + "on s.id = d.sync_id where s.resource_link_id = ?", link("L5"))).isEqualTo(2);
        } finally {
            moodle.latency(0);
        }
    }

    @Test
    @Order(7)
    void lineItemIsFoundOrCreatedWhenTheLaunchNamesNone() throws Exception {
        Launch.User student = Launch.User.named("101", "Élève1", "Nom1");
        new Browser().launch(platform, Launch.resourceLink(tool, student, Launch.LEARNER, COURSE, "L6")
                .tampered(claims -> claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                        "scope", List.of(MoodleServices.COLUMN_MANAGEMENT.toArray()),
                        "lineitems", moodle.lineItemsUrl(COURSE)))));
        try (Connection db = database()) {
            assertThat(rows(db, "select lineitem_url from lti_resource_link where id = ?", link("L6")).getFirst()[0])
                    .isNull();
            db.setAutoCommit(false); // six students at once: concurrent deliveries, one column
            for (String sub : List.copyOf(students.keySet()).subList(0, 6)) {
                insert(db, "L6", 906, sub, students.get(sub), new BigDecimal("12"));
            }
            db.commit();
        }
        awaitSynced("L6", 6);
        assertThat(moodle.lineItemLabels(COURSE)).containsOnlyOnce("Activité L6");
        assertThat(moodle.scores()).filteredOn(s -> s.lineItemId().startsWith("c") && s.status() == 200).hasSize(6);
    }

    @Test
    @Order(8)
    void rosterFillsTheCourseWithStudentsWhoNeverLaunched() throws Exception {
        moodle.enrol(COURSE, "201", "Nouvelle Élève", Launch.LEARNER, "Active");
        moodle.enrol(COURSE, "202", "Ancien Élève", Launch.LEARNER, "Inactive");

        HttpResponse<String> refreshed = teacher("POST", "/api/gradebook/roster");

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonObject outcome = Json.object(refreshed.body());
        assertThat(outcome.getBoolean("offered")).isTrue();
        assertThat(outcome.getInt("members")).isEqualTo(15);
        assertThat(outcome.getInt("added")).isEqualTo(2);
        assertThat(outcome.getInt("inactive")).isEqualTo(1);
        assertThat(count("select count(*) from gb_roster_member r join lti_user u on u.id = r.user_id "
                + "where u.subject = '202' and r.status = 'Inactive'")).isEqualTo(1);
        assertThat(count("select count(*) from lti_course_member m join lti_user u on u.id = m.user_id "
                + "where u.subject = '201'")).isEqualTo(1);
    }

    // --- fixtures

    /** Two scores at once per platform, never more (no adaptive growth): each instance leases 2 × 4 rows at most. */
    Map<String, String> environment() {
        return Map.of("DB_URL", databaseUrl, "DB_USER", postgres.user(), "DB_PASSWORD", postgres.password(),
                "GRADEBOOK_SYNC_POLL_INTERVAL", "PT0.5S", "GRADEBOOK_SYNC_LEASE", "PT2M",
                "GRADEBOOK_SYNC_CONCURRENCY", "2", "GRADEBOOK_SYNC_MAX_CONCURRENCY", "2");
    }

    /** What a committed change of positions leaves in the outbox: one due row per student. */
    void enqueue(String link, long activityId, List<String> subs, BigDecimal score) throws SQLException {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            for (String sub : subs) {
                insert(db, link, activityId, sub, students.get(sub), score);
            }
            db.commit();
        }
    }

    void insert(Connection db, String link, long activityId, String sub, long userId, BigDecimal score)
            throws SQLException {
        Object[] target = rows(db, "select l.id, l.course_id, l.lineitem_url, d.platform_id from lti_resource_link l "
                + "join lti_course c on c.id = l.course_id join lti_deployment d on d.id = c.deployment_id "
                + "where l.resource_link_id = ?", link).getFirst();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = db.prepareStatement("insert into gb_score_sync (id, course_id, activity_id, "
                + "resource_link_id, user_id, platform_id, user_sub, line_item_url, score_given, score_maximum, "
                + "score_comment, score_timestamp, revision, sent_revision, status, attempts, next_attempt_at, "
                + "pending_since, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 20, ?, ?, 1, 0, 'PENDING', 0, ?, ?, ?)")) {
            Object[] values = {nextRowId++, target[1], activityId, target[0], userId, target[3], sub, target[2], score,
                    "B1.1 Acquis\nB1.2 En cours d’acquisition", now, now, now, now};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    List<MoodleServices.ReceivedScore> accepted(String lineItemId) {
        return moodle.scores().stream().filter(s -> s.lineItemId().equals(lineItemId) && s.status() == 200).toList();
    }

    String lineItem(String link) {
        try (Connection db = database()) {
            return (String) rows(db, "select lineitem_url from lti_resource_link where resource_link_id = ?", link)
                    .getFirst()[0];
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long link(String link) {
        return count("select id from lti_resource_link where resource_link_id = '" + link + "'");
    }

    void awaitSynced(String link, int expected) {
        long id = link(link);
        await(() -> count("select count(*) from gb_score_sync where resource_link_id = ? and status = 'SYNCED'", id)
                == expected);
    }

    void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Délai dépassé ; outbox : " + describeOutbox() + "\n" + app.logTail());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    String describeOutbox() {
        try (Connection db = database()) {
            return rows(db, "select resource_link_id, status, count(*), max(last_http_status), max(last_message) "
                    + "from gb_score_sync group by resource_link_id, status").stream()
                    .map(java.util.Arrays::toString).collect(Collectors.joining("; "));
        } catch (SQLException e) {
            return e.toString();
        }
    }

    long count(String sql, Object... parameters) {
        try (Connection db = database()) {
            return ((Number) rows(db, sql, parameters).getFirst()[0]).longValue();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> teacher(String method, String path) {
        return app.send(HttpRequest.newBuilder(app.uri(path)).header("X-Lti-Session", teacherSession)
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, postgres.user(), postgres.password());
    }

    static List<Object[]> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + " " + page.status()).isTrue();
        return token.group(1);
    }
}
