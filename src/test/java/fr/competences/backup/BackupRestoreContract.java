package fr.competences.backup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A school's instance backed up while it runs and restored elsewhere, whatever the database: a course with two
 * activities, positions, a self-assessment, texts, links and files handed in, grades and competency columns synced to
 * the Moodle-like platform; meanwhile, in another course, a student hands in and removes files without pause. The
 * backup command writes an owner-only archive; the restore command refuses a target that holds anything; the jar
 * started on the restored data (same port, hence same PUBLIC_URL) answers every GET of the API, for every caller,
 * byte for byte as the original did when it was backed up; every file its database refers to is there and no other;
 * and it carries on: launches, grades to Moodle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BackupRestoreContract {

    static final Launch.User TEACHER = Launch.User.named("601", "Marie", "Curie");
    static final Launch.User ALAN = Launch.User.named("602", "Alan", "Turing");
    static final Launch.User GRACE = Launch.User.named("603", "Grace", "Hopper");
    static final Launch.User ADA = Launch.User.named("604", "Ada", "Lovelace");
    static final Duration WITHIN = Duration.ofSeconds(60);
    static final byte[] PDF = "%PDF-1.4\n% Compte rendu du TP API REST, Alan Turing\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    TestApp source;
    TestApp restored;
    TestPlatform platform;
    MoodleServices moodle;
    ToolRegistration tool;
    Classroom classroom;
    Classroom busyClassroom;
    Map<String, String> sourceDatabase;
    Map<String, String> restoredDatabase;
    Path work;
    Path archive;
    List<Long> activities;
    String lineItem;
    String teacher;
    String alan;
    long alanId;
    long graceId;
    long alanPng;
    long busyActivity;
    String busyTeacher;
    /** Every file handed in during the backup, removed since or not. */
    final Map<Long, byte[]> busyFiles = new ConcurrentHashMap<>();
    ApiAnswers api;
    List<String> requests;
    Map<String, ApiAnswers.Answer> atBackup;

    /** "h2" or "postgres", in the apps' and directories' names. */
    abstract String database();

    /** The variables naming a new, empty database (none for H2: it lives in DATA_DIR). */
    abstract Map<String, String> newDatabase() throws Exception;

    @BeforeAll
    void aCourseWithEverythingTheToolKeeps() throws Exception {
        work = Path.of(System.getProperty("it.workdir", "target/it")).toAbsolutePath().resolve("backup-" + database());
        deleteTree(work);
        Files.createDirectories(work);
        sourceDatabase = newDatabase();
        source = TestApp.start("backup-source-" + database(), sourceDatabase);
        restoredDatabase = newDatabase();
        platform = TestPlatform.start();
        moodle = platform.services();
        tool = Registrar.register(source, platform);
        Set<String> scopes = new HashSet<>(MoodleServices.COLUMN_MANAGEMENT);
        scopes.add(MoodleServices.NRPS);
        moodle.addTool(tool.clientId(), source.baseUrl() + "/lti/jwks", scopes);

        classroom = new Classroom(source, platform, tool, "SIO1");
        moodle.enrol(classroom.course, TEACHER.id(), TEACHER.name(), Launch.INSTRUCTOR, "Active");
        activities = classroom.activities(TEACHER, "TP API REST", "Projet final");
        lineItem = moodle.addActivityLineItem(classroom.course, "L1", "TP API REST", new BigDecimal("20"));
        moodle.addActivityLineItem(classroom.course, "L2", "Projet final", new BigDecimal("20"));
        for (Launch.User student : List.of(ALAN, GRACE)) {
            moodle.enrol(classroom.course, student.id(), student.name(), Launch.LEARNER, "Active");
            classroom.sessionOf(student, Launch.LEARNER, "L2", activities.get(1));
        }
        alan = classroom.sessionOf(ALAN, Launch.LEARNER, "L1", activities.get(0));
        String grace = classroom.sessionOf(GRACE, Launch.LEARNER, "L1", activities.get(0));
        teacher = classroom.sessionOf(TEACHER, Launch.INSTRUCTOR, "L1", activities.get(0));
        alanId = classroom.userId(teacher, activities.get(0), "Alan Turing");
        graceId = classroom.userId(teacher, activities.get(0), "Grace Hopper");

        classroom.position(teacher, activities.get(0), alanId, "{\"B2.1\":2,\"B2.2.1\":3}", "Très bonne API");
        classroom.position(teacher, activities.get(0), graceId, "{\"B2.1\":1}", null);
        classroom.position(teacher, activities.get(1), alanId, "{\"B2.1\":3}", "Projet abouti");
        assertThat(classroom.call("PUT", "/api/activities/" + activities.get(0) + "/me/self-assessment", alan,
                "{\"levels\":{\"B2.1\":2,\"B2.2.1\":2}}").statusCode()).isEqualTo(200);
        String evidence = "/api/activities/" + activities.get(0) + "/evidence";
        assertThat(classroom.call("POST", evidence, alan, "{\"text\":\"J'ai documenté l'API avec OpenAPI.\"}")
                .statusCode()).isEqualTo(201);
        assertThat(classroom.call("POST", evidence, alan, "{\"url\":\"https://git.lycee.fr/alan/api\"}").statusCode())
                .isEqualTo(201);
        classroom.handIn(alan, activities.get(0), "compte-rendu.pdf", PDF);
        alanPng = classroom.handIn(alan, activities.get(0), "schéma.png", PNG);
        classroom.handIn(grace, activities.get(0), "rapport.pdf", "%PDF-1.7\n% Grace\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> columns = classroom.call("PUT", "/api/gradebook/columns", teacher,
                "{\"mode\":\"SKILL\",\"mastery\":\"LATEST\"}");
        assertThat(columns.statusCode()).as(columns.body()).isEqualTo(200);
        await(() -> moodle.grade(lineItem, ALAN.id()) != null && settled(teacher));

        busyClassroom = new Classroom(source, platform, tool, "SIO2");
        busyActivity = busyClassroom.activities(TEACHER, "Dossier de stage").getFirst();
        busyTeacher = busyClassroom.sessionOf(TEACHER, Launch.INSTRUCTOR, "M1", busyActivity);

        api = new ApiAnswers(pathValues(), Map.of("student", List.of(Long.toString(alanId), Long.toString(graceId)),
                "format", List.of("case", "moodle-csv")), callers(grace));
        requests = api.requests(source);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {restored, source, platform}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the JVM exits
            }
        }
    }

    @Test
    @Order(1)
    void theBackupCommandWritesAnOwnerOnlyArchiveWhileAStudentHandsInAndRemovesFiles() throws Exception {
        atBackup = api.ask(source, requests);
        String ada = busyClassroom.sessionOf(ADA, Launch.LEARNER, "M1", busyActivity);
        AtomicBoolean backedUp = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread student = new Thread(() -> {
            try {
                Deque<Long> mine = new ArrayDeque<>();
                for (int n = 1; !backedUp.get(); n++) {
                    byte[] text = ("Journal de stage, jour " + n + "\n").getBytes(StandardCharsets.UTF_8);
                    long id = busyClassroom.handIn(ada, busyActivity, "jour-" + n + ".txt", text);
                    busyFiles.put(id, text);
                    mine.add(id);
                    if (mine.size() > 4) {
                        long removed = mine.poll();
                        assertThat(busyClassroom.call("DELETE", "/api/evidence/" + removed, ada, null).statusCode())
                                .isEqualTo(204);
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "student-handing-in");
        student.start();
        await(() -> busyFiles.size() >= 6 || failed.get() != null);

        JarCommand.Result backup = JarCommand.run(work, Map.of("PORT", Integer.toString(source.port()),
                "ADMIN_TOKEN", TestApp.ADMIN_TOKEN), "backup", "sauvegarde.zip");
        backedUp.set(true);
        student.join();

        assertThat(failed.get()).isNull();
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Sauvegarde vérifiée", "sauvegarde.zip", "lisible par vous seul", "secret");
        archive = work.resolve("sauvegarde.zip");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("sauvegarde.zip"); // no .part
        }

        // after the backup: a file handed in, one removed; neither change may show in the restored copy
        classroom.handIn(alan, activities.get(0), "après.pdf", "%PDF-1.4\n% après la sauvegarde\n".getBytes());
        assertThat(classroom.call("DELETE", "/api/evidence/" + alanPng, alan, null).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(2)
    void theBackupApiIsTheAdministratorsOnly() {
        HttpResponse<String> anonymous = source.send(HttpRequest.newBuilder(source.uri("/api/admin/backup"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Accept-Language", "en").build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.body()).contains("Admin token required").doesNotContain("PK");

        HttpResponse<byte[]> admin = postBackup(source);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(admin.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).matches("attachment; filename=\"competences-backup-\\d{8}-\\d{6}\\.zip\""));
        assertThat(admin.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(admin.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    @Order(3)
    void restoreRefusesATargetThatHoldsAnythingAndAnArchiveCutShort() throws Exception {
        Path sourceData = work.getParent().resolve("backup-source-" + database() + "-data");
        Map<String, String> live = new HashMap<>(sourceDatabase);
        live.put("DATA_DIR", sourceData.toString());
        JarCommand.Result intoLiveData = restore(live, archive);
        assertThat(intoLiveData.exitCode()).as(intoLiveData.output()).isEqualTo(1);
        assertThat(intoLiveData.output()).contains("DATA_DIR (" + sourceData + ") n'est pas vide", "ne remplace rien");
        if (!sourceDatabase.isEmpty()) {
            live.put("DATA_DIR", work.resolve("vide").toString());
            JarCommand.Result intoLiveDatabase = restore(live, archive);
            assertThat(intoLiveDatabase.exitCode()).as(intoLiveDatabase.output()).isEqualTo(1);
            assertThat(intoLiveDatabase.output()).contains("La base de DB_URL n'est pas vide", "ne remplace rien");
            assertThat(work.resolve("vide")).doesNotExist();
        }

        byte[] whole = Files.readAllBytes(archive);
        Path cut = Files.write(work.resolve("coupée.zip"), Arrays.copyOf(whole, whole.length / 2));
        JarCommand.Result cutShort = restore(Map.of("DATA_DIR", work.resolve("vide").toString()), cut);
        assertThat(cutShort.exitCode()).as(cutShort.output()).isEqualTo(1);
        assertThat(cutShort.output()).contains("n'est pas une archive ZIP complète");
        assertThat(work.resolve("vide")).doesNotExist();
    }

    @Test
    @Order(4)
    void theRestoredCopyAnswersEveryRequestAsTheOriginalDidWhenBackedUp() throws Exception {
        int port = source.port();
        source.stop();
        Path restoredData = work.resolve("restored-data");
        Map<String, String> target = new HashMap<>(restoredDatabase);
        target.put("DATA_DIR", restoredData.toString());

        JarCommand.Result restore = restore(target, archive);

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restauré", "PUBLIC_URL");
        try (Stream<Path> files = Files.list(restoredData.resolve("evidence"))) {
            assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
        target.put("PORT", Integer.toString(port));
        restored = TestApp.start("backup-restored-" + database(), target);
        classroom.app = restored;
        busyClassroom.app = restored;

        Map<String, ApiAnswers.Answer> now = api.ask(restored, requests);

        List<String> differences = new ArrayList<>();
        atBackup.forEach((request, answer) -> {
            boolean madeAtRequest = ApiAnswers.MADE_AT_REQUEST.stream().anyMatch(path -> request.contains(" " + path));
            if (!(madeAtRequest ? answer.sameBesidesItsTime(now.get(request)) : answer.sameAs(now.get(request)))) {
                differences.add(request + "\n  à la sauvegarde : " + answer.describe() + "\n  restaurée : "
                        + now.get(request).describe());
            }
        });
        System.out.println(database() + " : " + requests.size() + " GET comparés (" + atBackup.values().stream()
                .filter(a -> a.status() == 200).count() + " en 200), " + differences.size() + " différence(s)");
        assertThat(differences).as(String.join("\n", differences)).isEmpty();
        assertThat(requests).as("GET documentés × appelants").hasSizeGreaterThan(150);
        assertThat(atBackup.values().stream().filter(a -> a.status() == 200).count()).isGreaterThan(40);
        String png = "enseignant GET /api/evidence/" + alanPng + "/file";
        assertThat(now.get(png).body()).as("removed after the backup, back with its bytes").isEqualTo(PNG);
        assertThat(Json.array(classroom.call("GET", "/api/activities/" + activities.get(0) + "/evidence", alan, null)
                .body()).toString()).doesNotContain("après.pdf");
    }

    @Test
    @Order(5)
    void everyFileTheRestoredDatabaseRefersToIsThereAndNoOther() throws Exception {
        List<JsonObject> busyEvidence = Json.array(busyClassroom.call("GET", "/api/activities/" + busyActivity
                + "/evidence", busyTeacher, null).body()).getValuesAs(JsonObject.class);
        assertThat(busyEvidence).isNotEmpty();
        for (JsonObject item : busyEvidence) {
            long id = item.getJsonNumber("id").longValue();
            HttpResponse<byte[]> file = bytes(HttpRequest.newBuilder(restored.uri("/api/evidence/" + id + "/file"))
                    .header("X-Lti-Session", busyTeacher).build());
            assertThat(file.statusCode()).as("fichier de la preuve " + id).isEqualTo(200);
            assertThat(file.body()).as("preuve " + id).isEqualTo(busyFiles.get(id));
        }
        int referenced = busyEvidence.size();
        for (long activity : activities) {
            referenced += (int) Json.array(classroom.call("GET", "/api/activities/" + activity + "/evidence", teacher,
                    null).body()).getValuesAs(JsonObject.class).stream().filter(e -> "FILE".equals(e.getString("kind")))
                    .count();
        }
        try (Stream<Path> files = Files.list(work.resolve("restored-data").resolve("evidence"))) {
            assertThat(files.count()).as("fichiers restaurés = fichiers cités par la base").isEqualTo(referenced);
        }
    }

    @Test
    @Order(6)
    void theRestoredCopyCarriesOnWithLaunchesAndGrades() {
        String again = classroom.sessionOf(TEACHER, Launch.INSTRUCTOR, "L1", activities.get(0));

        classroom.position(again, activities.get(0), graceId, "{\"B2.1\":3,\"B2.2.1\":3}", null);

        await(() -> moodle.grade(lineItem, GRACE.id()) != null
                && moodle.grade(lineItem, GRACE.id()).finalGrade().compareTo(new BigDecimal("20")) == 0);
    }

    private Map<String, List<String>> pathValues() {
        List<String> activityIds = activities.stream().map(String::valueOf).toList();
        List<String> evidenceIds = new ArrayList<>();
        for (long activity : activities) {
            Json.array(classroom.call("GET", "/api/activities/" + activity + "/evidence", teacher, null).body())
                    .getValuesAs(JsonObject.class).forEach(e -> evidenceIds.add(e.get("id").toString()));
        }
        List<String> columnIds = Json.object(classroom.call("GET", "/api/gradebook/columns", teacher, null).body())
                .getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(c -> c.get("columnId").toString()).toList();
        List<String> referentiels = Json.array(source.get("/api/referentiels").body()).getValuesAs(JsonObject.class)
                .stream().map(r -> r.getString("id")).toList();
        assertThat(evidenceIds).hasSize(5);
        assertThat(columnIds).hasSize(2);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("/api/referentiels/|id", referentiels);
        values.put("id", activityIds);
        values.put("activityId", activityIds);
        values.put("evidenceId", evidenceIds);
        values.put("columnId", columnIds);
        values.put("platformId", Json.array(source.get("/api/admin/lti/platforms", "Authorization",
                "Bearer " + TestApp.ADMIN_TOKEN).body()).getValuesAs(JsonObject.class).stream()
                .map(p -> p.get("id").toString()).toList());
        values.put("subject", List.of(ALAN.id(), GRACE.id(), "inconnu"));
        values.put("kind", List.of("tableau.xlsx", "tableau.pdf", "fiches.pdf", "fiches.xlsx"));
        return values;
    }

    private Map<String, String[]> callers(String grace) {
        Map<String, String[]> callers = new LinkedHashMap<>();
        callers.put("enseignant", new String[] {"X-Lti-Session", teacher});
        callers.put("alan", new String[] {"X-Lti-Session", alan});
        callers.put("grace", new String[] {"X-Lti-Session", grace});
        callers.put("admin", new String[] {"Authorization", "Bearer " + TestApp.ADMIN_TOKEN});
        callers.put("anonyme", new String[0]);
        return callers;
    }

    /** Grades and columns all on the platform, nothing pending. */
    private boolean settled(String teacherSession) {
        JsonObject status = Json.object(classroom.call("GET", "/api/gradebook/status", teacherSession, null).body());
        List<JsonObject> cells = status.getJsonArray("students").getValuesAs(JsonObject.class);
        List<JsonObject> columns = status.getJsonArray("columns").getValuesAs(JsonObject.class);
        return cells.size() >= 3 && cells.stream().allMatch(c -> "SYNCED".equals(c.getString("status")))
                && columns.size() == 2 && columns.stream().allMatch(c -> "CREATED".equals(c.getString("state"))
                && c.getInt("pending") == 0 && c.getInt("failed") == 0);
    }

    private JarCommand.Result restore(Map<String, String> environment, Path file) {
        return JarCommand.run(work, environment, "restore", file.toString());
    }

    private static HttpResponse<byte[]> postBackup(TestApp app) {
        return bytes(HttpRequest.newBuilder(app.uri("/api/admin/backup"))
                .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<byte[]> bytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("délai dépassé").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
