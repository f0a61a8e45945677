package fr.competences.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.gradebook.GradebookFlow;
import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Moodle-like platform with its gradebook ({@link GradebookFlow}), courses where a teacher created one activity
 * (B2.1 and B2.2.1, weight 2) with a Moodle column and students launched it, and the calls the pages and the
 * administrator make about personal data.
 */
final class PrivacyFlow implements AutoCloseable {

    static final String TITLE = "TP API REST";

    final GradebookFlow gradebook;
    final TestApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * A course of the test: its context id, its Moodle activity (resource link, of its own: the test platform keys
     * line items on it) opening the tool's activity, its Moodle column, the sessions of its members.
     */
    record Course(String id, String link, long activity, String lineItem, String teacher,
            Map<Launch.User, String> students) {

        String session(Launch.User student) {
            return students.get(student);
        }
    }

    /** An archive's entries by name. */
    record Zip(Map<String, byte[]> entries) {

        JsonObject data() {
            return Json.object(text(ZipEntries.DATA));
        }

        String text(String name) {
            assertThat(entries).containsKey(name);
            return new String(entries.get(name), StandardCharsets.UTF_8);
        }
    }

    PrivacyFlow(TestApp app) {
        this.app = app;
        this.gradebook = new GradebookFlow(app);
    }

    /** A user of its own: tests sharing a running app never see each other's people. */
    static Launch.User person(String given, String family) {
        return Launch.User.named("u" + UUID.randomUUID().toString().substring(0, 8), given, family);
    }

    Course course(Launch.User teacher, Launch.User... students) {
        String id = "P" + UUID.randomUUID().toString().substring(0, 8);
        String link = "L" + id;
        long activity = gradebook.activities(teacher, id, List.of(TITLE)).getFirst();
        String lineItem = gradebook.moodle.addActivityLineItem(id, link, TITLE, new BigDecimal("20"));
        Map<Launch.User, String> sessions = new LinkedHashMap<>();
        for (Launch.User student : students) {
            if (student.name() != null) { // the test platform's roster needs a name
                gradebook.moodle.enrol(id, student.id(), student.name(), Launch.LEARNER, "Active");
            }
            sessions.put(student, GradebookFlow.session(gradebook.open(
                    gradebook.launch(student, Launch.LEARNER, id, link, activity))));
        }
        String teacherSession = GradebookFlow.session(gradebook.open(
                gradebook.launch(teacher, Launch.INSTRUCTOR, id, link, activity)));
        return new Course(id, link, activity, lineItem, teacherSession, sessions);
    }

    /** A member's launch of the course's activity, and the page it lands on. */
    fr.competences.lti.platform.Page open(Launch.User user, String role, Course course) {
        return gradebook.open(gradebook.launch(user, role, course.id(), course.link(), course.activity()));
    }

    /** The tool's id of a student, from the teacher's grid. */
    long userId(Course course, Launch.User student) {
        return GradebookFlow.userId(grid(course), student.name());
    }

    JsonObject grid(Course course) {
        return Json.object(ok(call("GET", "/api/activities/" + course.activity() + "/grid", course.teacher(), null)));
    }

    /** Saves one row of the grid (version: the row's as read). */
    void position(Course course, long student, int version, String levels, String comment) {
        ok(call("PUT", "/api/activities/" + course.activity() + "/grid", course.teacher(),
                "{\"rows\":[{\"studentUserId\":" + student + ",\"version\":" + version + ",\"levels\":" + levels
                        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}]}"));
    }

    long handInText(Course course, Launch.User student, String text) {
        return id(ok(call("POST", "/api/activities/" + course.activity() + "/evidence", course.session(student),
                "{\"text\":\"" + text + "\"}")));
    }

    long handInLink(Course course, Launch.User student, String url) {
        return id(ok(call("POST", "/api/activities/" + course.activity() + "/evidence", course.session(student),
                "{\"url\":\"" + url + "\"}")));
    }

    long handInFile(Course course, Launch.User student, String name, byte[] content) {
        HttpResponse<String> answer = app.send(HttpRequest.newBuilder(app.uri("/api/activities/" + course.activity()
                        + "/evidence/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("X-Lti-Session", course.session(student)).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        return id(ok(answer));
    }

    void selfAssess(Course course, Launch.User student, String levels) {
        ok(call("PUT", "/api/activities/" + course.activity() + "/me/self-assessment", course.session(student),
                "{\"levels\":" + levels + "}"));
    }

    /** The gradebook's cells of the course, as its teacher reads them. */
    JsonArray cells(Course course) {
        return Json.object(ok(call("GET", "/api/gradebook/status", course.teacher(), null))).getJsonArray("students");
    }

    String cellStatus(Course course, long student) {
        return cells(course).getValuesAs(JsonObject.class).stream()
                .filter(cell -> cell.getJsonNumber("userId").longValue() == student)
                .map(cell -> cell.getString("status")).findFirst().orElse(null);
    }

    HttpResponse<String> call(String method, String path, String session, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).header("Accept", "application/json");
        if (session != null) {
            request.header("X-Lti-Session", session);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return app.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> admin(String method, String path, String... headers) {
        return call(method, path, null, null, withAdminToken(headers));
    }

    /** A download as a browser follows a link (or the admin's curl): the raw bytes. */
    HttpResponse<byte[]> download(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The archive a session downloads ({@code query}: e.g. {@code student=12}, or empty). */
    Zip export(String session, String query) {
        HttpResponse<byte[]> answer = download("/api/privacy/export" + (query.isEmpty() ? "" : "?" + query),
                "X-Lti-Session", session);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip");
        return unzip(answer.body());
    }

    Zip adminExport(long platformId, String subject) {
        HttpResponse<byte[]> answer = download("/api/admin/privacy/platforms/" + platformId + "/users/" + subject
                + "/export", withAdminToken());
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        return unzip(answer.body());
    }

    /** The platform's id in the tool, as the admin API lists it. */
    long platformId() {
        return Json.array(ok(admin("GET", "/api/admin/lti/platforms"))).getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(gradebook.platform.issuer())
                        && p.getString("clientId").equals(gradebook.tool.clientId()))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    static Zip unzip(byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Zip(entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isBetween(200, 299);
        return answer.body();
    }

    private static long id(String body) {
        return Json.object(body).getJsonNumber("id").longValue();
    }

    private static String[] withAdminToken(String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + TestApp.ADMIN_TOKEN;
        return all;
    }

    @Override
    public void close() {
        gradebook.close();
    }
}
