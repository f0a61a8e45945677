package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
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

/** Launches and API calls of the assessment flows, as a Moodle user's browser and the pages' scripts make them. */
final class AssessmentFlow {

    static final Launch.User ADA = Launch.User.named("201", "Ada", "Lovelace");
    static final Launch.User ALAN = Launch.User.named("202", "Alan", "Turing");
    static final Launch.User GRACE = Launch.User.named("203", "Grace", "Hopper");

    private final TestApp app;
    private final TestPlatform platform;
    private final ToolRegistration tool;

    AssessmentFlow(TestApp app, TestPlatform platform, ToolRegistration tool) {
        this.app = app;
        this.platform = platform;
        this.tool = tool;
    }

    /** A course id of its own, so that tests sharing a running app do not see each other's data. */
    static String newCourse() {
        return "A" + UUID.randomUUID().toString().substring(0, 8);
    }

    Launch link(Launch.User user, String role, String course, String linkId, Map<String, String> custom) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, linkId,
                "Activité " + linkId, "LtiResourceLinkRequest", custom, UnaryOperator.identity(), null);
    }

    Launch teacher(String course, String linkId, Map<String, String> custom) {
        return link(ADA, Launch.INSTRUCTOR, course, linkId, custom);
    }

    Launch student(Launch.User user, String course, String linkId, Map<String, String> custom) {
        return link(user, Launch.LEARNER, course, linkId, custom);
    }

    /** What the launch's redirect leads to, without following any redirect of the tool's pages. */
    Page land(Browser browser, Launch launch) {
        return browser.launch(platform, launch);
    }

    /** The landing page, following a redirect of the tool's pages (course page → activity grid) once. */
    Page open(Browser browser, Launch launch) {
        Page page = browser.launch(platform, launch);
        return page.status() == 303 ? browser.get(page.location().orElseThrow()) : page;
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return token.group(1);
    }

    /** A deep linking launch and the activities created from its page; returns the API's answer. */
    JsonObject deepLink(String course, String activitiesJson) {
        Page editor = open(new Browser(), teacher(course, null, Map.of()).deepLinking());
        assertThat(editor.status()).as(editor.body()).isEqualTo(200);
        HttpResponse<String> answer = call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":" + activitiesJson + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.object(answer.body());
    }

    /** An activity of one skill set, created by deep linking; returns its id. */
    long activity(String course, String title, String skillsJson) {
        JsonObject answer = deepLink(course, "[{\"title\":\"" + title + "\",\"skills\":" + skillsJson + "}]");
        return answer.getJsonArray("activities").getJsonObject(0).getJsonNumber("id").longValue();
    }

    static Map<String, String> opens(long activityId) {
        return Map.of("activity_id", Long.toString(activityId));
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
}
