package fr.competences.backup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A course on the Moodle-like platform and the launches and API calls its teacher's and students' browsers make. */
final class Classroom {

    final TestPlatform platform;
    final ToolRegistration tool;
    final String course;
    TestApp app;

    Classroom(TestApp app, TestPlatform platform, ToolRegistration tool, String course) {
        this.app = app;
        this.platform = platform;
        this.tool = tool;
        this.course = course;
    }

    /** Activities created by deep linking (skills B2.1 and B2.2.1 weighted 2); their ids in order. */
    List<Long> activities(Launch.User teacher, String... titles) {
        String session = session(open(launch(teacher, Launch.INSTRUCTOR, null, null).deepLinking()));
        String activities = String.join(",", java.util.Arrays.stream(titles).map(title -> "{\"title\":\"" + title
                + "\",\"skills\":[{\"code\":\"B2.1\"},{\"code\":\"B2.2.1\",\"weight\":2}]}").toList());
        HttpResponse<String> created = call("POST", "/api/deep-linking", session, "{\"activities\":[" + activities + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Json.object(created.body()).getJsonArray("activities").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("id").longValue()).toList();
    }

    /** Launches the Moodle activity {@code link} opening {@code activity}; returns the session token. */
    String sessionOf(Launch.User user, String role, String link, Long activity) {
        return session(open(launch(user, role, link, activity)));
    }

    Launch launch(Launch.User user, String role, String link, Long activity) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, link,
                "Activité " + link, "LtiResourceLinkRequest",
                activity == null ? Map.of() : Map.of("activity_id", Long.toString(activity)), UnaryOperator.identity(),
                null);
    }

    Page open(Launch launch) {
        Browser browser = new Browser();
        Page page = browser.launch(platform, launch);
        return page.status() == 303 ? browser.get(page.location().orElseThrow()) : page;
    }

    long userId(String teacherSession, long activity, String name) {
        JsonObject grid = Json.object(call("GET", "/api/activities/" + activity + "/grid", teacherSession, null).body());
        return grid.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("name").equals(name)).findFirst().orElseThrow()
                .getJsonNumber("studentUserId").longValue();
    }

    /** Saves one student's row of a grid at the version the grid shows; returns the answer. */
    HttpResponse<String> position(String teacherSession, long activity, long student, String levels, String comment) {
        JsonObject grid = Json.object(call("GET", "/api/activities/" + activity + "/grid", teacherSession, null).body());
        int version = grid.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(row -> row.getJsonNumber("studentUserId").longValue() == student).findFirst().orElseThrow()
                .getInt("version");
        HttpResponse<String> saved = call("PUT", "/api/activities/" + activity + "/grid", teacherSession,
                "{\"rows\":[{\"studentUserId\":" + student + ",\"version\":" + version + ",\"levels\":" + levels
                        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return saved;
    }

    /** A file handed in by a student; returns the evidence id. */
    long handIn(String studentSession, long activity, String name, byte[] content) {
        HttpResponse<String> added = app.send(HttpRequest.newBuilder(app.uri("/api/activities/" + activity
                        + "/evidence/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("X-Lti-Session", studentSession).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return Json.object(added.body()).getJsonNumber("id").longValue();
    }

    HttpResponse<String> call(String method, String path, String session, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).header("Accept", "application/json");
        if (session != null) {
            request.header("X-Lti-Session", session);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return app.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return token.group(1);
    }
}
