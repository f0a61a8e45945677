package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14: every kind of change a teacher or a student makes (level, comment alone, self-assessment, evidence, scale,
 * grade rule, competency columns, activity edit), each acknowledged by the real jar, then the process killed at once
 * (SIGKILL) and started again on the same data: a fresh instance reads back exactly what was acknowledged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReloadContract {

    static final Launch.User ADA = Launch.User.named("501", "Ada", "Lovelace");
    static final Launch.User ALAN = Launch.User.named("502", "Alan", "Turing");

    GradebookFlow flow;

    abstract TestApp app();

    @BeforeAll
    void platform() {
        flow = new GradebookFlow(app());
    }

    @AfterAll
    void stopPlatform() {
        flow.close();
    }

    @Test
    void everyAcknowledgedChangeIsReadBackByAFreshInstanceAfterAKill() {
        String course = "R" + UUID.randomUUID().toString().substring(0, 8);
        long activity = flow.activities(ADA, course, List.of("TP relu")).getFirst();
        flow.moodle.addActivityLineItem(course, "L1", "TP relu", new BigDecimal("20"));
        flow.moodle.enrol(course, ALAN.id(), ALAN.name(), Launch.LEARNER, "Active");
        String alan = GradebookFlow.session(flow.open(flow.launch(ALAN, Launch.LEARNER, course, "L1", activity)));
        String teacher = GradebookFlow.session(flow.open(flow.launch(ADA, Launch.INSTRUCTOR, course, "L1", activity)));
        String grid = "/api/activities/" + activity + "/grid";
        long alanId = GradebookFlow.userId(Json.object(flow.call("GET", grid, teacher, null).body()), "Alan Turing");

        // level (with a comment), then the comment alone
        ok(flow.call("PUT", grid, teacher, "{\"rows\":[{\"studentUserId\":" + alanId + ",\"version\":0,\"levels\":"
                + "{\"B2.1\":2,\"B2.2.1\":3},\"comment\":\"Bien\"}]}"));
        ok(flow.call("PUT", grid, teacher, "{\"rows\":[{\"studentUserId\":" + alanId + ",\"version\":1,\"levels\":"
                + "{\"B2.1\":2,\"B2.2.1\":3},\"comment\":\"Très bien, revu\"}]}"));
        // the student's self-assessment and evidence (a text, a link, a file)
        ok(flow.call("PUT", "/api/activities/" + activity + "/me/self-assessment", alan,
                "{\"levels\":{\"B2.1\":3,\"B2.2.1\":1}}"));
        ok(flow.call("POST", "/api/activities/" + activity + "/evidence", alan, "{\"text\":\"Mon compte rendu\"}"));
        ok(flow.call("POST", "/api/activities/" + activity + "/evidence", alan, "{\"url\":\"https://git.lycee.fr/tp\"}"));
        HttpResponse<String> file = flow.app.send(HttpRequest.newBuilder(flow.app.uri("/api/activities/" + activity
                + "/evidence/files?name=notes.txt")).header("X-Lti-Session", alan).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("Étapes du TP : 1, 2, 3", StandardCharsets.UTF_8)).build());
        ok(file);
        long fileId = Json.object(file.body()).getJsonNumber("id").longValue();
        // the course's scale, grade rule and competency columns
        HttpResponse<String> scale = flow.call("GET", "/api/scale", teacher, null);
        assertThat(scale.statusCode()).isEqualTo(200);
        String renamed = scale.body().replace("Maîtrisé", "Expert");
        ok(flow.app.send(HttpRequest.newBuilder(flow.app.uri("/api/scale")).header("X-Lti-Session", teacher)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("If-Match", scale.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(renamed)).build()));
        ok(flow.call("PUT", "/api/gradebook/rule", teacher, "{\"rule\":\"PROPORTION_ACQUIRED\"}"));
        ok(flow.call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"BLOCK\",\"mastery\":\"HIGHEST\"}"));
        // the activity's edit, last: acknowledged a moment before the kill
        HttpResponse<String> read = flow.call("GET", "/api/activities/" + activity, teacher, null);
        JsonObject view = Json.object(read.body());
        ok(flow.app.send(HttpRequest.newBuilder(flow.app.uri("/api/activities/" + activity))
                .header("X-Lti-Session", teacher).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"referentielCode\":\"" + view.getString("referentielCode")
                        + "\",\"title\":\"TP relu et corrigé\",\"instructions\":\"Refaire la partie 2\","
                        + "\"scoreMaximum\":10,\"skills\":[{\"code\":\"B2.1\",\"weight\":3},{\"code\":\"B2.2.1\"}]}"))
                .build()));

        Map<String, Object> before = views(activity, teacher, alan, fileId);
        assertThat(before.get("grid").toString()).contains("Très bien, revu", "TP relu et corrigé", "Expert");
        // a last change, the comment alone, and the process killed as soon as it is answered
        ok(flow.call("PUT", grid, teacher, "{\"rows\":[{\"studentUserId\":" + alanId + ",\"version\":2,\"levels\":"
                + "{\"B2.1\":2,\"B2.2.1\":3},\"comment\":\"Dernier mot\"}]}"));
        app().kill();
        app().startAgain();
        Map<String, Object> after = views(activity, teacher, alan, fileId);

        assertThat(row(after.get("grid")).getString("comment")).isEqualTo("Dernier mot");
        assertThat(((JsonObject) after.get("student's levels, comment and self-assessment")).getString("comment"))
                .isEqualTo("Dernier mot");
        assertThat(((jakarta.json.JsonArray) after.get("history")).getJsonObject(0).getString("comment"))
                .isEqualTo("Dernier mot");
        for (String name : List.of("grid", "student's levels, comment and self-assessment", "history")) {
            before.remove(name);
            after.remove(name);
        }
        assertThat(after).as("read back by a fresh instance").isEqualTo(before);
    }

    static JsonObject row(Object grid) {
        return ((JsonObject) grid).getJsonArray("rows").getJsonObject(0);
    }

    /** What the teacher and the student read, each as JSON (compared as values: key order aside) or text. */
    Map<String, Object> views(long activity, String teacher, String student, long fileId) {
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("grid", read("/api/activities/" + activity + "/grid", teacher));
        views.put("activity", read("/api/activities/" + activity, teacher));
        views.put("history", read("/api/activities/" + activity + "/grid/history", teacher));
        views.put("scale", read("/api/scale", teacher));
        views.put("rule", read("/api/gradebook/rule", teacher));
        JsonObject columns = (JsonObject) read("/api/gradebook/columns", teacher);
        views.put("columns", columns.getString("mode") + " " + columns.getString("mastery"));
        views.put("evidence (teacher)", read("/api/activities/" + activity + "/evidence", teacher));
        views.put("student's levels, comment and self-assessment", read("/api/activities/" + activity + "/me", student));
        views.put("evidence (student)", read("/api/activities/" + activity + "/evidence", student));
        views.put("file", read("/api/evidence/" + fileId + "/file", student));
        return views;
    }

    Object read(String path, String session) {
        HttpResponse<String> answer = flow.call("GET", path, session, null);
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        String body = answer.body();
        if (!body.startsWith("{") && !body.startsWith("[")) {
            return body;
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readValue();
        }
    }

    static void ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isBetween(200, 201);
    }
}
