package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Moodle-like platform with its services, the tool registered on both sides, and the launches and API calls a
 * teacher's browser makes to create activities and position students (for the contract and the benchmark).
 */
public final class GradebookFlow implements AutoCloseable {

    public final TestApp app;
    public final TestPlatform platform = TestPlatform.start();
    public final MoodleServices moodle = platform.services();
    public final ToolRegistration tool;

    public GradebookFlow(TestApp app) {
        this.app = app;
        this.tool = Registrar.register(app, platform);
        permit(MoodleServices.COLUMN_MANAGEMENT);
    }

    /** The AGS setting of the tool on the platform (P-6), with NRPS; tokens issued before are forgotten. */
    public void permit(Set<String> agsScopes) {
        Set<String> scopes = new HashSet<>(agsScopes);
        scopes.add(MoodleServices.NRPS);
        moodle.permit(tool.clientId(), app.baseUrl() + "/lti/jwks", scopes);
    }

    /** Activities created by deep linking, each assessing B2.1 and B2.2.1 (weight 2); their ids in order. */
    public List<Long> activities(Launch.User teacher, String course, List<String> titles) {
        Page editor = open(launch(teacher, Launch.INSTRUCTOR, course, null, null).deepLinking());
        String activities = titles.stream().map(title -> "{\"title\":\"" + title + "\",\"skills\":[{\"code\":\"B2.1\"},"
                + "{\"code\":\"B2.2.1\",\"weight\":2}]}").reduce((a, b) -> a + "," + b).orElse("");
        HttpResponse<String> created = call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":[" + activities + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Json.object(created.body()).getJsonArray("activities").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("id").longValue()).toList();
    }

    /**
     * Activities created by deep linking and returned to the platform as a teacher's browser does, so that the platform
     * makes a Moodle activity of each (with its grade item when it accepts grades from the tool); nobody opens them.
     * Their ids and the resource link ids the platform gave them, in order.
     */
    Map<Long, String> deepLinked(Launch.User teacher, String course, List<String> titles) {
        Page editor = open(launch(teacher, Launch.INSTRUCTOR, course, null, null).deepLinking());
        String activities = titles.stream().map(title -> "{\"title\":\"" + title + "\",\"skills\":[{\"code\":\"B2.1\"},"
                + "{\"code\":\"B2.2.1\",\"weight\":2}]}").reduce((a, b) -> a + "," + b).orElse("");
        HttpResponse<String> created = call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":[" + activities + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonObject answer = Json.object(created.body());
        Page returned = new Browser().post(java.net.URI.create(answer.getString("returnUrl")),
                Map.of("JWT", answer.getString("jwt")));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        List<String> links = platform.deepLinkingResponses().getLast().links();
        Map<Long, String> made = new java.util.LinkedHashMap<>();
        List<JsonObject> ids = answer.getJsonArray("activities").getValuesAs(JsonObject.class);
        for (int i = 0; i < ids.size(); i++) {
            made.put(ids.get(i).getJsonNumber("id").longValue(), links.get(i));
        }
        return made;
    }

    public Launch launch(Launch.User user, String role, String course, String link, Long activity) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, link,
                "Activité " + link, "LtiResourceLinkRequest",
                activity == null ? Map.of() : Map.of("activity_id", Long.toString(activity)), UnaryOperator.identity(),
                null);
    }

    /** The landing page, following the tool's own redirect once; its session token is in its URL. */
    public Page open(Launch launch) {
        Browser browser = new Browser();
        Page page = browser.launch(platform, launch);
        return page.status() == 303 ? browser.get(page.location().orElseThrow()) : page;
    }

    public HttpResponse<String> call(String method, String path, String session, String json) {
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

    public static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("délai dépassé").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return token.group(1);
    }

    public static long userId(JsonObject grid, String name) {
        return grid.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("name").equals(name)).findFirst().orElseThrow()
                .getJsonNumber("studentUserId").longValue();
    }

    @Override
    public void close() {
        platform.close();
    }
}
