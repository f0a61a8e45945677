package fr.competences.portfolio;

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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Moodle-like platform registered in the running tool, and the launches and calls its users' browsers make. */
final class PortfolioFlow implements AutoCloseable {

    static final Launch.User ADA = Launch.User.named("1101", "Ada", "Lovelace");
    static final Launch.User ALAN = Launch.User.named("1102", "Alan", "Turing");
    static final Launch.User BARBARA = Launch.User.named("1103", "Barbara", "Liskov");
    static final Launch.User GRACE = Launch.User.named("1104", "Grace", "Hopper");

    final TestApp app;
    final TestPlatform platform = TestPlatform.start();
    final ToolRegistration tool;

    PortfolioFlow(TestApp app) {
        this.app = app;
        this.tool = Registrar.register(app, platform);
    }

    /** An activity created by deep linking in the course, so that its students land on it; its id. */
    long activity(Launch.User teacher, String course) {
        Page editor = open(launch(teacher, Launch.INSTRUCTOR, course, null).deepLinking());
        HttpResponse<String> created = call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":[{\"title\":\"TP\",\"skills\":[{\"code\":\"B1.1\"}]}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Json.object(created.body()).getJsonArray("activities").getJsonObject(0).getJsonNumber("id").longValue();
    }

    Launch launch(Launch.User user, String role, String course, Long activity) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), course, "Cours " + course, "L1",
                "Activité L1", "LtiResourceLinkRequest",
                activity == null ? Map.of() : Map.of("activity_id", Long.toString(activity)), UnaryOperator.identity(),
                null);
    }

    /** The session of a launch into the course's activity. */
    String sessionOf(Launch.User user, String role, String course, long activity) {
        return session(open(launch(user, role, course, activity)));
    }

    Page open(Launch launch) {
        Browser browser = new Browser();
        Page page = browser.launch(platform, launch);
        return page.status() == 303 ? browser.get(page.location().orElseThrow()) : page;
    }

    HttpResponse<String> call(String method, String path, String session, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).header("Accept", "application/json");
        if (session != null) {
            request.header("X-Lti-Session", session);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return app.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonObject portfolio(String session, String query) {
        HttpResponse<String> answer = call("GET", "/api/portfolio" + query, session, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.object(answer.body());
    }

    HttpResponse<String> page(String path, String session) {
        return app.get(path + (path.contains("?") ? "&" : "?") + "lti_session=" + session, "Accept", "text/html");
    }

    HttpResponse<String> form(String path, String session, String body) {
        return app.send(HttpRequest.newBuilder(app.uri(path + "?lti_session=" + session))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A file the tool answers, as bytes (exports). */
    HttpResponse<byte[]> download(String path, String session) {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(app.uri(path + (path.contains("?") ? "&" : "?") + "lti_session="
                    + session)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return token.group(1);
    }

    @Override
    public void close() {
        platform.close();
    }
}
