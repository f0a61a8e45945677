package fr.competences.audit;

import static fr.competences.audit.AuditFlow.ADA;
import static fr.competences.audit.AuditFlow.ALAN;
import static fr.competences.audit.AuditFlow.GRACE;
import static fr.competences.audit.AuditFlow.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit trail over real HTTP, whatever the database: what a course's users, the grade worker and the administrator
 * do leaves one line each, in the course's log for its teachers only (page and JSON), in the whole log for the
 * administrator; refused changes leave none; no token or file content ever appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditContract {

    static final String SECRET_CONTENT = "CONTENU-CONFIDENTIEL-4242";

    AuditFlow flow;
    Instant started;

    abstract TestApp app();

    @BeforeAll
    void registerPlatform() {
        started = Instant.now().minusSeconds(5);
        flow = new AuditFlow(app());
    }

    @AfterAll
    void stopPlatform() {
        flow.close();
    }

    @Test
    void whatACoursesUsersAndTheGradeWorkerDoIsInTheCoursesLogForItsTeachersOnly() {
        String course = "J" + UUID.randomUUID().toString().substring(0, 8);
        long activity = flow.activity(ADA, course, "TP journal");
        String lineItem = flow.moodle.addActivityLineItem(course, "L1", "TP journal", new BigDecimal("20"));
        flow.moodle.enrol(course, ALAN.id(), ALAN.name(), Launch.LEARNER, "Active");
        String alan = flow.sessionOf(flow.launch(ALAN, Launch.LEARNER, course, "L1", activity));
        HttpResponse<String> file = flow.upload(activity, alan, "rapport.pdf",
                ("%PDF-1.4 " + SECRET_CONTENT).getBytes(StandardCharsets.UTF_8));
        assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        long evidence = Json.object(file.body()).getJsonNumber("id").longValue();
        assertThat(flow.upload(activity, alan, "virus.pdf", new byte[] {'M', 'Z', 0, 0}).statusCode()).isEqualTo(415);

        String teacher = flow.sessionOf(flow.launch(ADA, Launch.INSTRUCTOR, course, "L1", activity));
        assertThat(flow.call("GET", "/api/evidence/" + evidence + "/file", teacher, null).body()).contains(SECRET_CONTENT);
        long alanId = AuditFlow.userId(Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher,
                null).body()), "Alan Turing");
        String save = "{\"rows\":[{\"studentUserId\":" + alanId + ",\"version\":0,\"levels\":{\"B2.1\":2},"
                + "\"comment\":\"Bien\"}]}";
        assertThat(flow.call("PUT", "/api/activities/" + activity + "/grid", teacher, save).statusCode()).isEqualTo(200);
        assertThat(flow.call("PUT", "/api/activities/" + activity + "/grid", teacher, save.replace("2}", "3}"))
                .statusCode()).as("stale: refused, nothing saved").isEqualTo(409);
        await(() -> flow.moodle.grade(lineItem, ALAN.id()) != null
                && actions(journal(teacher, "action=GRADE_SENT")).contains("GRADE_SENT"));
        assertThat(flow.call("DELETE", "/api/evidence/" + evidence, alan, null).statusCode()).isEqualTo(204);
        assertThat(app().get("/course/progress/overview.csv?lti_session=" + teacher, "Accept", "text/csv").statusCode())
                .isEqualTo(200);

        JsonObject journal = journal(teacher, "");
        List<JsonObject> entries = entries(journal);
        assertThat(actions(journal)).as("newest first").containsExactly("EXPORT", "EVIDENCE_REMOVED", "GRADE_SENT",
                "POSITIONS_CHANGED", "EVIDENCE_DOWNLOADED", "LAUNCH", "EVIDENCE_ADDED", "LAUNCH", "LAUNCH");
        JsonObject alanLaunch = entry(entries, "LAUNCH", e -> e.getJsonObject("who").getString("name")
                .equals("Alan Turing"));
        assertThat(alanLaunch.getJsonObject("who").getString("role")).isEqualTo("étudiant");
        assertThat(entries.getLast().getString("details")).as("the deep linking launch").isEqualTo("sélection de contenu");
        JsonObject positions = entry(entries, "POSITIONS_CHANGED", e -> true);
        assertThat(positions.getJsonObject("who").getString("name")).isEqualTo("Ada Lovelace");
        assertThat(positions.getJsonObject("about").getString("name")).isEqualTo("Alan Turing");
        assertThat(positions.getJsonObject("activity").getString("label")).isEqualTo("TP journal");
        assertThat(positions.getString("details")).isEqualTo("B2.1 + commentaire");
        HttpResponse<String> history = flow.call("GET", positions.getString("history"), teacher, null);
        assertThat(history.body()).as("the line points at the change itself").contains("\"newLevel\":2", "Bien");
        JsonObject grade = entry(entries, "GRADE_SENT", e -> true);
        assertThat(grade.getJsonObject("who").getString("kind")).isEqualTo("SYSTEM");
        assertThat(grade.getString("outcome")).isEqualTo("SYNCED");
        assertThat(grade.getString("details")).startsWith("reçue — ").contains("/ 20", "HTTP 200");
        assertThat(entry(entries, "EVIDENCE_DOWNLOADED", e -> true).getJsonObject("who").getString("name"))
                .isEqualTo("Ada Lovelace");
        assertThat(entry(entries, "EVIDENCE_ADDED", e -> true).getString("details")).startsWith("fichier n°");

        // filters: a student, an activity, an action, dates; pages
        assertThat(entries(journal(teacher, "student=" + alanId))).allSatisfy(e ->
                assertThat(e.getJsonObject("about").getJsonNumber("userId").longValue()).isEqualTo(alanId)).hasSize(6);
        assertThat(entries(journal(teacher, "activity=" + activity))).hasSize(5);
        assertThat(actions(journal(teacher, "action=evidence_added"))).containsExactly("EVIDENCE_ADDED");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(entries(journal(teacher, "from=" + today.plusDays(1)))).isEmpty();
        assertThat(entries(journal(teacher, "from=" + today + "&to=" + today))).hasSize(9);
        JsonObject first = journal(teacher, "size=4");
        JsonObject third = journal(teacher, "size=4&page=3");
        assertThat(first.getBoolean("hasMore")).isTrue();
        assertThat(entries(first)).hasSize(4);
        assertThat(third.getBoolean("hasMore")).isFalse();
        assertThat(entries(third)).hasSize(1).first().satisfies(e -> assertThat(e.getJsonNumber("id"))
                .isEqualTo(entries.getLast().getJsonNumber("id")));
        assertThat(flow.call("GET", "/api/audit?from=hier", teacher, null).statusCode()).isEqualTo(400);

        // another course's teacher sees none of it; a student and no session are refused
        String otherTeacher = flow.sessionOf(flow.launch(GRACE, Launch.INSTRUCTOR, course + "-autre", "L1", null));
        assertThat(entries(journal(otherTeacher, ""))).extracting(e -> e.getJsonObject("who").getString("name"))
                .containsExactly("Grace Hopper");
        assertThat(flow.call("GET", "/api/audit", alan, null).statusCode()).isEqualTo(403);
        assertThat(flow.page("/course/audit", alan).statusCode()).isEqualTo(403);
        assertThat(flow.call("GET", "/api/audit", null, null).statusCode()).isEqualTo(401);

        // the page, in French and English, linked from the course page
        assertThat(flow.page("/course/overview", teacher).body()).contains("/course/audit?lti_session=");
        HttpResponse<String> page = flow.page("/course/audit?student=" + alanId, teacher);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Journal du cours", "Positionnement modifié", "Alan Turing", "TP journal",
                "/activity/" + activity + "?lti_session=", "#history-title", "conservée 1 an");
        assertThat(flow.page("/course/audit?lang=en", teacher).body()).contains("Course log", "Positioning changed",
                "Grade sent to the gradebook", "kept 1 year");

        // the administrator sees the course's lines and the rest
        long courseId = journal.getJsonNumber("courseId").longValue();
        assertThat(flow.adminLines("course=" + courseId)).extracting(l -> l.getJsonNumber("id"))
                .containsAll(entries.stream().map(e -> e.getJsonNumber("id")).toList());
        assertThat(flow.adminLines("user=" + alanId + "&action=POSITIONS_CHANGED")).hasSize(1);
        assertThat(flow.admin("GET", "/api/admin/audit?action=PURGE").statusCode()).isEqualTo(400);

        // never a token, a password or a file's content
        String everything = flow.admin("GET", "/api/admin/audit?size=500&from=" + started).body()
                + flow.call("GET", "/api/audit?size=200", teacher, null).body();
        assertThat(everything).doesNotContain(alan, teacher, otherTeacher, TestApp.ADMIN_TOKEN, SECRET_CONTENT, "eyJ");
    }

    @Test
    void administratorsCallsAndKeyChangesAreLoggedButNotRefusedTokens() {
        HttpResponse<String> added = flow.admin("POST", "/api/admin/lti/keys?activateAfterHours=240");
        assertThat(added.statusCode()).isEqualTo(201);
        String kid = Json.object(added.body()).getString("kid");
        assertThat(flow.admin("DELETE", "/api/admin/lti/keys/" + kid).statusCode()).isEqualTo(200);
        assertThat(refusedAdminToken()).isEqualTo(401);

        List<JsonObject> lines = flow.adminLines("from=" + started + "&size=500");
        assertThat(lines).filteredOn(l -> kid.equals(l.getString("target", null)))
                .extracting(l -> l.getString("action") + " " + l.getString("actor"))
                .containsExactly("KEY_RETIRED ADMIN", "KEY_ADDED ADMIN");
        assertThat(lines).filteredOn(l -> l.getString("action").equals("ADMIN_CALL"))
                .extracting(l -> l.getString("target") + " " + l.getString("outcome"))
                .contains("POST /api/admin/lti/keys 201", "DELETE /api/admin/lti/keys/" + kid + " 200",
                        "POST /api/admin/lti/platforms 201")
                .noneMatch(call -> call.endsWith(" 401"));
        assertThat(lines).filteredOn(l -> l.getString("action").equals("PLATFORM_REGISTERED"))
                .anySatisfy(l -> assertThat(l.getString("target")).isEqualTo(flow.platform.issuer() + " "
                        + flow.tool.clientId()));
    }

    private int refusedAdminToken() {
        return app().send(java.net.http.HttpRequest.newBuilder(app().uri("/api/admin/audit"))
                .header("Authorization", "Bearer not-the-token").GET().build()).statusCode();
    }

    private JsonObject journal(String teacher, String query) {
        HttpResponse<String> answer = flow.call("GET", "/api/audit?" + query, teacher, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.object(answer.body());
    }

    private static List<JsonObject> entries(JsonObject journal) {
        return journal.getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static List<String> actions(JsonObject journal) {
        return entries(journal).stream().map(e -> e.getString("action")).toList();
    }

    private static JsonObject entry(List<JsonObject> entries, String action, Predicate<JsonObject> which) {
        return entries.stream().filter(e -> e.getString("action").equals(action)).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError(action + " absent de " + entries));
    }
}
