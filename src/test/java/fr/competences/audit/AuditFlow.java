package fr.competences.audit;

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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * A Moodle-like platform registered in the running tool (through the admin API), and the launches and calls that
 * teachers' and students' browsers, and the administrator, make: what the audit trail must record.
 */
final class AuditFlow implements AutoCloseable {

    static final Launch.User ADA = Launch.User.named("901", "Ada", "Lovelace");
    static final Launch.User ALAN = Launch.User.named("902", "Alan", "Turing");
    static final Launch.User GRACE = Launch.User.named("903", "Grace", "Hopper");

    final TestApp app;
    final TestPlatform platform = TestPlatform.start();
    final MoodleServices moodle = platform.services();
    final ToolRegistration tool;

    AuditFlow(TestApp app) {
        this.app = app;
        this.tool = Registrar.register(app, platform);
        Set<String> scopes = new HashSet<>(MoodleServices.COLUMN_MANAGEMENT);
        scopes.add(MoodleServices.NRPS);
        moodle.permit(tool.clientId(), app.baseUrl() + "/lti/jwks", scopes);
    }

    /** An activity created by deep linking, assessing B2.1 and B2.2.1; its id. */
    long activity(Launch.User teacher, String course, String title) {
        Page editor = open(launch(teacher, Launch.INSTRUCTOR, course, null, null).deepLinking());
        HttpResponse<String> created = call("POST", "/api/deep-linking", session(editor), "{\"activities\":[{\"title\":\""
                + title + "\",\"skills\":[{\"code\":\"B2.1\"},{\"code\":\"B2.2.1\"}]}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Json.object(created.body()).getJsonArray("activities").getJsonObject(0).getJsonNumber("id").longValue();
    }

    Launch launch(Launch.User user, String role, String course, String link, Long activity) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, link,
                "Activité " + link, "LtiResourceLinkRequest",
                activity == null ? Map.of() : Map.of("activity_id", Long.toString(activity)), UnaryOperator.identity(),
                null);
    }

    /** The landing page, following the tool's own redirect once; its session token is in its URL. */
    Page open(Launch launch) {
        Browser browser = new Browser();
        Page page = browser.launch(platform, launch);
        return page.status() == 303 ? browser.get(page.location().orElseThrow()) : page;
    }

    String sessionOf(Launch launch) {
        return session(open(launch));
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

    HttpResponse<String> page(String path, String session) {
        return app.get(path + (path.contains("?") ? "&" : "?") + "lti_session=" + session, "Accept", "text/html");
    }

    HttpResponse<String> upload(long activity, String session, String name, byte[] content) {
        return app.send(HttpRequest.newBuilder(app.uri("/api/activities/" + activity + "/evidence/files?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("X-Lti-Session", session).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    HttpResponse<String> admin(String method, String path) {
        return Registrar.admin(app, method, path, null);
    }

    /** The admin API's lines for this query, as JSON objects. */
    List<JsonObject> adminLines(String query) {
        HttpResponse<String> answer = admin("GET", "/api/admin/audit?" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.object(answer.body()).getJsonArray("lines").getValuesAs(JsonObject.class);
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return token.group(1);
    }

    static long userId(JsonObject grid, String name) {
        return grid.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("name").equals(name)).findFirst().orElseThrow()
                .getJsonNumber("studentUserId").longValue();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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

    @Override
    public void close() {
        platform.close();
    }
}
