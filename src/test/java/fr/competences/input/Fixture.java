package fr.competences.input;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A course of its own on a platform of its own, with the sessions the API's callers hold: a teacher launched from a
 * resource link, a teacher in the activity chooser (deep linking), a student; an activity with a piece of evidence.
 */
final class Fixture {

    static final Launch.User TEACHER = Launch.User.named("901", "Paul", "Prof");
    static final Launch.User STUDENT = Launch.User.named("902", "Eva", "Elève");

    final TestApp app;
    final TestPlatform platform;
    final ToolRegistration tool;
    final String course = "F" + UUID.randomUUID().toString().substring(0, 8);
    final String deepLinkingSession;
    final long activityId;
    final String studentSession;
    final String teacherSession;
    final long memberId;

    Fixture(TestApp app) {
        this.app = app;
        platform = TestPlatform.start();
        tool = Registrar.register(app, platform);
        deepLinkingSession = session(new Browser().launch(platform, launch(TEACHER, Launch.INSTRUCTOR, null, Map.of())
                .deepLinking()));
        HttpResponse<String> created = call("POST", "/api/deep-linking", deepLinkingSession,
                "{\"activities\":[{\"title\":\"TP entrées\",\"skills\":[{\"code\":\"B2.1\"}]}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        activityId = Json.object(created.body()).getJsonArray("activities").getJsonObject(0).getJsonNumber("id")
                .longValue();
        studentSession = session(new Browser().launch(platform, launch(STUDENT, Launch.LEARNER, "L1",
                Map.of("activity_id", Long.toString(activityId)))));
        Page coursePage = new Browser().launch(platform, launch(TEACHER, Launch.INSTRUCTOR, "L2", Map.of()));
        teacherSession = session(coursePage);
        Matcher member = Pattern.compile("/course/members/(\\d+)/teacher").matcher(coursePage.body());
        assertThat(member.find()).as(coursePage.body()).isTrue();
        memberId = Long.parseLong(member.group(1));
    }

    Launch launch(Launch.User user, String role, String linkId, Map<String, String> custom) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, linkId,
                "Activité " + linkId, "LtiResourceLinkRequest", custom, UnaryOperator.identity(), null);
    }

    /** A student's upload of a file as the page's script sends it. */
    HttpResponse<String> upload(String name, byte[] content, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/api/activities/" + activityId
                        + "/evidence/files?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-Lti-Session", studentSession).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return app.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
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

    JsonObject evidence(long id) {
        return Json.array(call("GET", "/api/activities/" + activityId + "/evidence", studentSession, null).body())
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow();
    }

    void close() {
        platform.close();
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri() + " " + page.body());
        assertThat(token.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return token.group(1);
    }
}
