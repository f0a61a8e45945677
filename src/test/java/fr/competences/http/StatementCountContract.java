package fr.competences.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.gradebook.GradebookFlow;
import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12.2: the teacher's pages send the same number of SQL statements whatever the size of the class (no N+1),
 * read from the {@code Server-Timing} header of the real jar ({@code SERVER_TIMING=true} in the test apps): each page
 * is read with 3 students, then with 15, and the counts must match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatementCountContract {

    static final Pattern STATEMENTS = Pattern.compile("db;dur=[0-9.]+;desc=\"(\\d+) SQL\"");
    static final Launch.User TEACHER = Launch.User.named("701", "Grace", "Hopper");

    GradebookFlow flow;
    String course;
    long activity;
    final List<Launch.User> students = new ArrayList<>();

    abstract TestApp app();

    @BeforeAll
    void course() {
        flow = new GradebookFlow(app());
        course = "Q" + UUID.randomUUID().toString().substring(0, 8);
        activity = flow.activities(TEACHER, course, List.of("TP requêtes", "TP index")).getFirst();
    }

    @AfterAll
    void stopPlatform() {
        flow.close();
    }

    @Test
    void teacherPagesSendAsManyStatementsForFifteenStudentsAsForThree() {
        enrolAndPosition(3);
        Map<String, Integer> few = statements();
        enrolAndPosition(15);
        Map<String, Integer> many = statements();
        System.out.printf("SQL statements per request (%s), 3 → 15 students: %s%n", getClass().getSimpleName(),
                few.keySet().stream().map(path -> path + " " + few.get(path) + " → " + many.get(path))
                        .collect(Collectors.joining(", ")));
        assertThat(few.values()).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(many).isEqualTo(few);
    }

    /** Enrols and launches students up to {@code total}, then positions them all on the activity's grid. */
    void enrolAndPosition(int total) {
        for (int i = students.size() + 1; i <= total; i++) {
            Launch.User student = Launch.User.named(Integer.toString(7100 + i), "Élève" + i, "Requête" + i);
            flow.moodle.enrol(course, student.id(), student.name(), Launch.LEARNER, "Active");
            flow.open(flow.launch(student, Launch.LEARNER, course, "L1", activity));
            students.add(student);
        }
        HttpResponse<String> saved = saveEveryRow(teacher());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** Every student's row of the grid saved with the same two levels, at the version just read. */
    HttpResponse<String> saveEveryRow(String session) {
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", session, null).body());
        String rows = grid.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(row -> "{\"studentUserId\":" + row.getJsonNumber("studentUserId") + ",\"version\":"
                        + row.getInt("version", 0) + ",\"levels\":{\"B2.1\":2,\"B2.2.1\":3}}")
                .collect(Collectors.joining(","));
        return flow.call("PUT", "/api/activities/" + activity + "/grid", session, "{\"rows\":[" + rows + "]}");
    }

    /** Statements per page and API answer, each read twice and counted the second time (caches warm). */
    Map<String, Integer> statements() {
        String session = teacher();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path : List.of("/activity/" + activity, "/api/activities/" + activity + "/grid", "/course/overview",
                "/course/gradebook", "/api/gradebook/status", "/course/progress/overview", "/api/progress/course")) {
            read(path, session);
            counts.put(path, read(path, session));
        }
        // the whole class saved again unchanged: each sheet's levels are read to compare, never one query per sheet
        counts.put("PUT grid, nothing changed", statementsOf(saveEveryRow(session)));
        return counts;
    }

    int read(String path, String session) {
        HttpResponse<String> answer = app().get(path + (path.contains("?") ? "&" : "?") + "lti_session=" + session,
                "X-Lti-Session", session);
        assertThat(answer.statusCode()).as(path + "\n" + answer.body()).isEqualTo(200);
        return statementsOf(answer);
    }

    static int statementsOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + "\n" + answer.body()).isEqualTo(200);
        String timing = answer.headers().firstValue("Server-Timing").orElse("");
        Matcher count = STATEMENTS.matcher(timing);
        assertThat(count.find()).as(answer.uri() + ": Server-Timing " + timing).isTrue();
        return Integer.parseInt(count.group(1));
    }

    String teacher() {
        return GradebookFlow.session(flow.open(flow.launch(TEACHER, Launch.INSTRUCTOR, course, "L1", activity)));
    }
}
