package fr.competences.assessment;

import static fr.competences.assessment.AssessmentFlow.ADA;
import static fr.competences.assessment.AssessmentFlow.ALAN;
import static fr.competences.assessment.AssessmentFlow.GRACE;
import static fr.competences.assessment.AssessmentFlow.newCourse;
import static fr.competences.assessment.AssessmentFlow.opens;
import static fr.competences.assessment.AssessmentFlow.session;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.lti.platform.Launch;
import fr.competences.it.TestApp;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.DeepLinkingReturn;
import fr.competences.lti.platform.HtmlForm;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.ToolRegistration;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Activities and assessment over real HTTP, driven by a Moodle-like platform, whatever the database: deep linking
 * end to end, editing, course copy, the grid's save, concurrency and history, the student's view, and who may see
 * what (another course, another platform, a student).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssessmentContract {

    static final String B2 = "[{\"code\":\"B2.1\"},{\"code\":\"B2.2.1\",\"weight\":2}]";

    TestPlatform platform;
    TestPlatform otherPlatform;
    AssessmentFlow flow;
    AssessmentFlow otherFlow;

    abstract TestApp app();

    @BeforeAll
    void registerPlatforms() {
        platform = TestPlatform.start();
        flow = new AssessmentFlow(app(), platform, Registrar.register(app(), platform));
        otherPlatform = TestPlatform.start();
        otherFlow = new AssessmentFlow(app(), otherPlatform, Registrar.register(app(), otherPlatform));
    }

    @AfterAll
    void stopPlatforms() {
        platform.close();
        otherPlatform.close();
    }

    @Test
    void deepLinkingCreatesActivitiesAndThePlatformAcceptsTheSignedResponse() {
        String course = newCourse();
        Page editor = flow.open(new Browser(), flow.teacher(course, null, Map.of()).deepLinking());
        assertThat(editor.body()).contains("choisir un contenu", "B2.1.1", "id=\"activity-editor\"", "deep-link-return");

        JsonObject answer = flow.deepLink(course, "[{\"title\":\"TP API REST\",\"instructions\":\"Créer une API\","
                + "\"skills\":" + B2 + "},{\"title\":\"Veille\",\"scoreMaximum\":10,\"skills\":[{\"code\":\"B1.5\"}]}]");
        assertThat(answer.getString("returnUrl")).startsWith(platform.issuer() + "/mod/lti/contentitem_return.php");
        Page returned = new Browser().post(URI.create(answer.getString("returnUrl")), Map.of("JWT", answer.getString("jwt")));

        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        DeepLinkingReturn.Received received = platform.deepLinkingResponses().getLast();
        assertThat(received.claims().getAudience()).containsExactly(platform.issuer());
        assertThat(received.claims().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
                .isEqualTo("{\"launchid\":\"ltilaunch1\"}");
        List<Map<String, Object>> items = received.items();
        JsonArray created = answer.getJsonArray("activities");
        assertThat(items).hasSize(2);
        Map<String, Object> first = items.get(0);
        String id = Long.toString(created.getJsonObject(0).getJsonNumber("id").longValue());
        assertThat(first).containsEntry("type", "ltiResourceLink").containsEntry("title", "TP API REST")
                .containsEntry("text", "Créer une API").containsEntry("url", app().baseUrl() + "/lti/launch")
                .containsEntry("custom", Map.of("activity_id", id));
        assertThat(first.get("lineItem")).isEqualTo(Map.of("scoreMaximum", 20.0, "label", "TP API REST",
                "resourceId", id, "tag", "competences-lti"));
        assertThat(items.get(1)).extracting(item -> ((Map<?, ?>) item.get("lineItem")).get("scoreMaximum")).isEqualTo(10.0);
        JsonObject skills = created.getJsonObject(0);
        assertThat(skills.getJsonArray("skills").getJsonObject(1).getString("title"))
                .startsWith("Recueillir, analyser et mettre à jour");
    }

    @Test
    void aPlatformThatAcceptsOneItemGetsOneActivityAtATime() {
        String course = newCourse();
        Launch oneAtATime = flow.teacher(course, null, Map.of()).deepLinking().tampered(claims -> claims.claim(
                "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                        "deep_link_return_url", platform.issuer() + "/mod/lti/contentitem_return.php?course=" + course,
                        "accept_types", List.of("ltiResourceLink"), "accept_multiple", false)));
        Page editor = flow.open(new Browser(), oneAtATime);
        assertThat(editor.body()).contains("id=\"activity-editor\"").doesNotContain("id=\"add-another\"");

        HttpResponse<String> refused = flow.call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":[{\"title\":\"Un\",\"skills\":[{\"code\":\"B1.1\"}]},"
                        + "{\"title\":\"Deux\",\"skills\":[{\"code\":\"B1.2\"}]}]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Json.object(refused.body()).getString("detail")).contains("une par une");
        HttpResponse<String> one = flow.call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":[{\"title\":\"Un\",\"skills\":[{\"code\":\"B1.1\"}]}]}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    }

    @Test
    void invalidActivitiesAreRefusedWithEveryProblemNamedAndNothingCreated() {
        String course = newCourse();
        Page editor = flow.open(new Browser(), flow.teacher(course, null, Map.of()).deepLinking());
        HttpResponse<String> refused = flow.call("POST", "/api/deep-linking", session(editor),
                "{\"activities\":[{\"title\":\"Bon\",\"skills\":[{\"code\":\"B1.1\"}]},"
                        + "{\"title\":\"\",\"skills\":[{\"code\":\"B1\"},{\"code\":\"Z9\",\"weight\":-1}]}]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonObject problem = Json.object(refused.body());
        assertThat(problem.getJsonArray("errors")).extracting(e -> e.asJsonObject().getString("location"))
                .containsExactly("activities[1].title", "activities[1].skills[0]", "activities[1].skills[1]",
                        "activities[1].skills[1].weight");
        assertThat(problem.getString("detail")).contains("corrigez");
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L0", Map.of())));
        assertThat(Json.array(flow.call("GET", "/api/activities", teacher, null).body())).isEmpty();
        assertThat(flow.call("POST", "/api/deep-linking", session(editor), "{\"activities\":").statusCode())
                .isEqualTo(400);
        assertThat(flow.call("POST", "/api/deep-linking", teacher, "{\"activities\":[]}").statusCode())
                .as("not a deep linking session").isEqualTo(409);
    }

    @Test
    void theTeacherPositionsStudentsAndTheStudentSeesTheirLevelsAndComment() {
        String course = newCourse();
        long activity = flow.activity(course, "TP API REST", B2);
        Page aliceView = flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity)));
        flow.open(new Browser(), flow.student(GRACE, course, "L1", opens(activity)));
        Page grid = flow.land(new Browser(), flow.teacher(course, "L1", opens(activity)));
        assertThat(grid.status()).as("the launch leads to the grid in one redirect, not through the course page")
                .isEqualTo(200);
        assertThat(grid.uri().getPath()).isEqualTo("/activity");
        assertThat(grid.body()).contains("TP API REST", "id=\"grid\"", "Saisie au clavier");
        assertThat(aliceView.body()).contains("TP API REST", "B2.2.1", "Non évalué");
        String teacher = session(grid);

        JsonObject before = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        assertThat(before.getJsonArray("rows")).extracting(r -> r.asJsonObject().getString("name"))
                .containsExactly("Grace Hopper", "Alan Turing"); // by family name
        assertThat(before.getJsonArray("rows").getJsonObject(0).getBoolean("named")).isTrue();
        assertThat(before.getJsonObject("scale").getJsonArray("levels")).hasSize(4);
        long alan = userId(before, "Alan Turing");
        long grace = userId(before, "Grace Hopper");

        HttpResponse<String> saved = flow.call("PUT", "/api/activities/" + activity + "/grid", teacher,
                "{\"rows\":[{\"studentUserId\":" + alan + ",\"version\":0,\"levels\":{\"B2.1\":2,\"B2.2.1\":3},"
                        + "\"comment\":\"Très bonne API\"},{\"studentUserId\":" + grace + ",\"version\":0,"
                        + "\"levels\":{\"B2.1\":1}}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Json.object(saved.body()).getJsonArray("rows")).extracting(r -> r.asJsonObject().getInt("version"))
                .containsExactly(1, 1);

        Page student = flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity)));
        assertThat(student.body()).contains("Acquis", "Maîtrisé", "Très bonne API");
        assertThat(flow.open(new Browser(), flow.student(GRACE, course, "L1", opens(activity))).body())
                .contains("En cours d’acquisition").doesNotContain("Très bonne API");

        JsonArray history = Json.array(flow.call("GET", "/api/activities/" + activity + "/grid/history", teacher, null).body());
        assertThat(history).hasSize(3);
        JsonObject change = history.stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("code").equals("B2.2.1")).findFirst().orElseThrow();
        assertThat(change.getString("changedByName")).isEqualTo("Ada Lovelace");
        assertThat(change.getString("studentName")).isEqualTo("Alan Turing");
        assertThat(change.containsKey("oldLevel")).as("non évalué before").isFalse();
        assertThat(change.getInt("newLevel")).isEqualTo(3);
        assertThat(change.getString("comment")).isEqualTo("Très bonne API");
    }

    @Test
    void eachLevelKeepsTheTimeOfItsLatestChangeAndProgressReadsItAfterARestart() {
        String course = newCourse();
        long activity = flow.activity(course, "TP horodaté", B2);
        flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity)));
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        String path = "/api/activities/" + activity + "/grid";
        long alan = userId(Json.object(flow.call("GET", path, teacher, null).body()), "Alan Turing");
        assertThat(flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + alan + ",\"version\":0,"
                + "\"levels\":{\"B2.1\":2,\"B2.2.1\":3}}]}").statusCode()).isEqualTo(200);
        // B2.2.1 sent again at the same level: not a change, it keeps the time of the first save
        assertThat(flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + alan + ",\"version\":1,"
                + "\"levels\":{\"B2.1\":1,\"B2.2.1\":3}}]}").statusCode()).isEqualTo(200);

        Map<String, Instant> latest = new java.util.HashMap<>();
        Json.array(flow.call("GET", path + "/history", teacher, null).body()).stream().map(JsonObject.class::cast)
                .forEach(c -> latest.merge(c.getString("code"), Instant.parse(c.getString("changedAt")),
                        (a, b) -> a.isAfter(b) ? a : b));
        assertThat(latest.get("B2.1")).isAfter(latest.get("B2.2.1"));
        assertThat(positioned(teacher, alan, activity)).as("each level's time: its latest change in the history")
                .isEqualTo(latest);

        app().restart();

        String again = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        assertThat(positioned(again, alan, activity)).isEqualTo(latest);
    }

    /** When each skill was positioned in the activity, as the student's progress shows it (by skill code). */
    Map<String, Instant> positioned(String teacher, long student, long activity) {
        HttpResponse<String> progress = flow.call("GET", "/api/progress?student=" + student, teacher, null);
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        Map<String, Instant> at = new java.util.HashMap<>();
        Json.object(progress.body()).getJsonArray("referentiels").getValuesAs(JsonObject.class).stream()
                .flatMap(r -> r.getJsonArray("blocs").getValuesAs(JsonObject.class).stream())
                .flatMap(b -> b.getJsonArray("competences").getValuesAs(JsonObject.class).stream())
                .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                        c.getJsonArray("children").getValuesAs(JsonObject.class).stream()))
                .forEach(skill -> skill.getJsonArray("positionings").getValuesAs(JsonObject.class).stream()
                        .filter(p -> p.getJsonNumber("activityId").longValue() == activity && p.containsKey("at"))
                        .forEach(p -> at.put(skill.getString("code"),
                                OffsetDateTime.parse(p.getString("at")).toInstant())));
        return at;
    }

    @Test
    void aCommentChangedAloneIsStoredAndEveryReaderSeesIt() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String alanSession = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        String path = "/api/activities/" + activity + "/grid";
        long alan = userId(Json.object(flow.call("GET", path, teacher, null).body()), "Alan Turing");
        assertThat(flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + alan + ",\"version\":0,"
                + "\"levels\":{\"B2.1\":2},\"comment\":\"Premier avis\"}]}").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + alan
                + ",\"version\":1,\"levels\":{\"B2.1\":2},\"comment\":\"Avis révisé\"}]}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonObject grid = Json.object(flow.call("GET", path, teacher, null).body());
        assertThat(row(grid, alan).getString("comment")).isEqualTo("Avis révisé");
        assertThat(row(grid, alan).getInt("version")).isEqualTo(2);
        assertThat(Json.object(flow.call("GET", "/api/activities/" + activity + "/me", alanSession, null).body())
                .getString("comment")).isEqualTo("Avis révisé");
        assertThat(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))).body())
                .contains("Avis révisé").doesNotContain("Premier avis");
        // and cleared alone
        assertThat(flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + alan + ",\"version\":2,"
                + "\"levels\":{\"B2.1\":2},\"comment\":\"\"}]}").statusCode()).isEqualTo(200);
        assertThat(row(Json.object(flow.call("GET", path, teacher, null).body()), alan).get("comment"))
                .isIn(null, jakarta.json.JsonValue.NULL);
    }

    @Test
    void aDeepLinkedActivityOpenedBeforeAnyStudentLaunchedListsTheWholeRosterFromThePlatform() {
        try (TestPlatform moodle = TestPlatform.start()) {
            ToolRegistration tool = Registrar.register(app(), moodle);
            moodle.services().permit(tool.clientId(), app().baseUrl() + "/lti/jwks",
                    java.util.Set.of(MoodleServices.NRPS));
            AssessmentFlow withRoster = new AssessmentFlow(app(), moodle, tool);
            String course = newCourse();
            moodle.services().enrol(course, ALAN, Launch.LEARNER);
            moodle.services().enrol(course, GRACE, Launch.LEARNER);
            moodle.services().enrol(course, Launch.User.named("288", "Blaise", "Pascal"), Launch.LEARNER);
            moodle.services().enrol(course, ADA, Launch.INSTRUCTOR);
            long activity = withRoster.activity(course, "TP", B2);

            // the teacher opens the activity right after adding it: no student has launched, no course page seen
            String teacher = session(withRoster.open(new Browser(), withRoster.teacher(course, "L1", opens(activity))));
            JsonObject grid = Json.object(withRoster.call("GET", "/api/activities/" + activity + "/grid", teacher, null)
                    .body());

            // French class lists: by family name, the given-name order ready for the grid's toggle
            assertThat(grid.getJsonArray("rows")).extracting(r -> r.asJsonObject().getString("name"))
                    .containsExactly("Grace Hopper", "Blaise Pascal", "Alan Turing");
            assertThat(grid.getJsonArray("rows")).extracting(r -> r.asJsonObject().getInt("givenOrder"))
                    .containsExactly(2, 1, 0);
            assertThat(grid.getJsonObject("roster").getBoolean("offered")).isTrue();
        }
    }

    @Test
    void aPlatformWithoutRosterIsSaidInTheGrid() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))
                .tampered(claims -> claims.claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        null))));

        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());

        assertThat(grid.getJsonArray("rows")).isEmpty();
        assertThat(grid.getJsonObject("roster").getBoolean("offered")).isFalse();
    }

    @Test
    void anEvidenceLinkRefusedKeepsTheStudentOnTheirPageWithWhatTheyTypedAndTheSession() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        Browser alan = new Browser();
        Page page = flow.open(alan, flow.student(ALAN, course, "L1", opens(activity)));
        String session = session(page);

        Page refused = alan.submit(page.form("evidence-link").orElseThrow().with("url", "www.exemple.fr/mon rapport"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"evidence-problem\"", "Donnez une adresse web complète",
                "value=\"www.exemple.fr/mon rapport\"", "id=\"evidence-link\"",
                "href=\"/home?lti_session=" + session);
        // the header's link stays in the session: the student's own course page, not the public home page
        Page home = alan.get(app().uri("/home?lti_session=" + session));
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.location().orElseThrow().getPath()).isEqualTo("/course/progress");
    }

    @Test
    void anErrorPageInsideASessionLeadsBackToTheActivity() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String alan = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));

        HttpResponse<String> refused = app().get("/activity/" + activity + "/edit?lti_session=" + alan,
                "Accept", "text/html");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("href=\"/activity?lti_session=" + alan, "href=\"/home?lti_session=" + alan)
                .doesNotContain("href=\"/\"");
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        HttpResponse<String> openapi = app().get("/openapi", "Accept", "*/*");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/activities/{id}/grid:", "/api/deep-linking:", "/api/scale:",
                "/api/activities/{id}/evidence/files:", "/api/evidence/{evidenceId}/file:");
    }

    @Test
    void studentsWhoseNameMoodleDoesNotShareAreFlaggedInTheGrid() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        flow.open(new Browser(), flow.student(fr.competences.lti.platform.Launch.User.anonymous("299"), course, "L1",
                opens(activity)));
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));

        JsonObject row = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body())
                .getJsonArray("rows").getJsonObject(0);
        assertThat(row.getString("name")).isEqualTo("Utilisateur 299");
        assertThat(row.getBoolean("named")).isFalse();
    }

    @Test
    void aSecondTeacherSavingOnAStaleGridIsToldAndNothingOfTheirSaveIsKept() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity)));
        flow.open(new Browser(), flow.student(GRACE, course, "L1", opens(activity)));
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        long alan = userId(grid, "Alan Turing");
        long grace = userId(grid, "Grace Hopper");
        String path = "/api/activities/" + activity + "/grid";

        assertThat(flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + alan
                + ",\"version\":0,\"levels\":{\"B2.1\":3}}]}").statusCode()).isEqualTo(200);
        HttpResponse<String> stale = flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + grace
                + ",\"version\":0,\"levels\":{\"B2.1\":2}},{\"studentUserId\":" + alan
                + ",\"version\":0,\"levels\":{\"B2.1\":0}}]}");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Json.object(stale.body()).getString("detail")).contains("Rien n’a été enregistré", "rechargez");
        JsonObject after = Json.object(flow.call("GET", path, teacher, null).body());
        assertThat(row(after, alan).getJsonObject("levels").getInt("B2.1")).isEqualTo(3);
        assertThat(row(after, grace).getJsonObject("levels")).as("all or nothing").isEmpty();

        HttpResponse<String> invalid = flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":" + grace
                + ",\"version\":0,\"levels\":{\"B2.1\":7,\"B3.1\":1}}]}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(Json.object(invalid.body()).getJsonArray("errors")).hasSize(2);
        HttpResponse<String> notAStudent = flow.call("PUT", path, teacher, "{\"rows\":[{\"studentUserId\":"
                + Long.MAX_VALUE + ",\"version\":0,\"levels\":{\"B2.1\":1}}]}");
        assertThat(notAStudent.statusCode()).isEqualTo(422);
    }

    @Test
    void onlyTheCoursesTeachersReachTheGridAndOtherCoursesOrPlatformsSeeNothing() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String student = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));
        String otherCourse = session(flow.open(new Browser(), flow.teacher(newCourse(), "L1", Map.of())));
        String otherPlatform = session(otherFlow.open(new Browser(), otherFlow.teacher(course, "L1", Map.of())));
        String grid = "/api/activities/" + activity + "/grid";

        assertThat(flow.call("GET", grid, student, null).statusCode()).isEqualTo(403);
        assertThat(flow.call("GET", grid, otherCourse, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", grid, otherPlatform, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", "/api/activities/" + activity, otherPlatform, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", grid, null, null).statusCode()).isEqualTo(401);
        assertThat(flow.call("GET", "/api/activities/" + activity + "/me", student, null).statusCode()).isEqualTo(200);
        assertThat(flow.call("GET", "/api/activities/" + activity + "/me", otherCourse, null).statusCode()).isEqualTo(403);
    }

    @Test
    void theStudentsSelfAssessmentShowsBesideTheGrid() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        Browser alan = new Browser();
        Page page = flow.open(alan, flow.student(ALAN, course, "L1", opens(activity)));
        HtmlForm form = page.form(null).orElseThrow();
        assertThat(form.action()).contains("/activity/" + activity + "/self-assessment");

        Page saved = alan.submit(form.with("level_B2.1", "2").with("level_B2.2.1", ""));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(alan.get(saved.location().orElseThrow()).body()).contains("value=\"2\" selected");
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        assertThat(grid.getJsonArray("rows").getJsonObject(0).getJsonObject("selfLevels"))
                .isEqualTo(Json.object("{\"B2.1\":2}"));
        assertThat(alan.submit(form.with("level_B2.1", "9")).status()).isEqualTo(422);
    }

    @Test
    void teachersEditActivitiesWithOptimisticLocking() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        String path = "/api/activities/" + activity;
        HttpResponse<String> read = flow.call("GET", path, teacher, null);
        assertThat(read.headers().firstValue("ETag")).as(read.statusCode() + " " + read.headers().map() + read.body())
                .isPresent();
        String version = read.headers().firstValue("ETag").orElseThrow();
        String edited = "{\"title\":\"TP noté\",\"scoreMaximum\":40,\"skills\":[{\"code\":\"B2.3\",\"weight\":3}]}";

        assertThat(flow.call("PUT", path, teacher, edited).statusCode()).isEqualTo(428);
        HttpResponse<String> updated = flow.call("PUT", path, teacher, edited, "If-Match", version);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Json.object(updated.body()).getInt("scoreMaximum")).isEqualTo(40);
        assertThat(flow.call("PUT", path, teacher, edited, "If-Match", version).statusCode()).isEqualTo(409);
        Page editPage = new Browser().get(app().uri("/activity/" + activity + "/edit?lti_session=" + teacher));
        assertThat(editPage.body()).contains("Modifier l’activité", "TP noté");
    }

    @Test
    void aCourseCopyGetsItsOwnCopyOfTheActivityOnTheSamePlatformOnly() {
        String course = newCourse();
        long activity = flow.activity(course, "TP copié", B2);
        String copy = newCourse();

        Page copied = flow.open(new Browser(), flow.teacher(copy, "L7", opens(activity)));
        assertThat(copied.uri().getPath()).isEqualTo("/activity");
        assertThat(copied.body()).contains("TP copié");
        JsonArray activities = Json.array(flow.call("GET", "/api/activities", session(copied), null).body());
        assertThat(activities).hasSize(1);
        assertThat(activities.getJsonObject(0).getJsonNumber("id").longValue()).isNotEqualTo(activity);
        assertThat(activities.getJsonObject(0).getJsonArray("skills")).hasSize(2);

        Page foreign = otherFlow.open(new Browser(), otherFlow.teacher(copy, "L7", opens(activity)));
        assertThat(foreign.uri().getPath()).as("another platform's activity is not attached").isEqualTo("/course");
        assertThat(foreign.body()).contains("choisir ses compétences");
        Page restored = flow.open(new Browser(), flow.teacher(course, "L8", opens(activity)));
        assertThat(Json.array(flow.call("GET", "/api/activities", session(restored), null).body()))
                .as("a restore in the same course reuses the activity").hasSize(1);
    }

    @Test
    void onlyATeacherOfTheSourceCourseCopiesItsActivity() {
        String course = newCourse();
        long activity = flow.activity(course, "TP secret", B2); // Ada teaches the source course
        flow.open(new Browser(), flow.student(GRACE, course, "L1", opens(activity)));
        String other = newCourse();

        // Grace teaches the other course and is a student of the source: a link naming its activity copies nothing
        Page grace = flow.open(new Browser(), flow.link(GRACE, Launch.INSTRUCTOR, other, "L1", opens(activity)));
        assertThat(grace.uri().getPath()).isEqualTo("/course");
        assertThat(grace.body()).contains("choisir ses compétences").doesNotContain("TP secret");
        assertThat(Json.array(flow.call("GET", "/api/activities", session(grace), null).body())).isEmpty();
        // nor does a student's first launch
        Page alan = flow.open(new Browser(), flow.student(ALAN, other, "L2", opens(activity)));
        assertThat(alan.body()).doesNotContain("TP secret");
        assertThat(Json.array(flow.call("GET", "/api/activities", session(grace), null).body())).isEmpty();

        // the teacher of both courses does: the copy is then the link's activity for everyone
        Page ada = flow.open(new Browser(), flow.teacher(other, "L2", opens(activity)));
        assertThat(ada.uri().getPath()).isEqualTo("/activity");
        assertThat(ada.body()).contains("TP secret");
        assertThat(flow.open(new Browser(), flow.student(ALAN, other, "L2", opens(activity))).body()).contains("TP secret");
    }

    @Test
    void aLinkAddedWithoutDeepLinkingLetsTheTeacherChooseItsSkillsAtFirstLaunch() {
        String course = newCourse();
        Page landing = flow.open(new Browser(), flow.teacher(course, "L9", Map.of()));
        assertThat(landing.uri().getPath()).isEqualTo("/course");
        assertThat(landing.body()).contains("choisir ses compétences");
        String teacher = session(landing);
        Page student = flow.open(new Browser(), flow.student(ALAN, course, "L9", Map.of()));
        assertThat(student.body()).contains("n’a pas encore choisi les compétences");
        assertThat(new Browser().get(app().uri("/activity?lti_session=" + teacher)).body())
                .contains("Choisir les compétences de cette activité");

        HttpResponse<String> created = flow.call("POST", "/api/activities?attachToLaunch=true", teacher,
                "{\"title\":\"TP sans lien profond\",\"skills\":[{\"code\":\"B1.2\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Page grid = flow.open(new Browser(), flow.teacher(course, "L9", Map.of()));
        assertThat(grid.uri().getPath()).isEqualTo("/activity");
        assertThat(grid.body()).contains("TP sans lien profond");
    }

    @Test
    void theCourseScaleIsEditableByItsTeachers() {
        String course = newCourse();
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", Map.of())));
        HttpResponse<String> scale = flow.call("GET", "/api/scale", teacher, null);
        assertThat(Json.object(scale.body()).getInt("proficientLevel")).isEqualTo(2);
        String socle = "{\"proficientLevel\":3,\"levels\":[{\"label\":\"Insuffisant\",\"points\":0},"
                + "{\"label\":\"Fragile\",\"points\":5},{\"label\":\"Satisfaisant\",\"points\":10},"
                + "{\"label\":\"Très bonne maîtrise\",\"points\":15}]}";

        HttpResponse<String> changed = flow.call("PUT", "/api/scale", teacher, socle, "If-Match",
                scale.headers().firstValue("ETag").orElseThrow());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Json.object(changed.body()).getJsonArray("levels").getJsonObject(3).getString("label"))
                .isEqualTo("Très bonne maîtrise");
        assertThat(flow.call("PUT", "/api/scale", teacher, socle, "If-Match", "\"0\"").statusCode()).isEqualTo(409);
        assertThat(flow.call("PUT", "/api/scale", teacher, "{\"proficientLevel\":1,\"levels\":[]}", "If-Match",
                changed.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(422);
        String student = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", Map.of())));
        assertThat(flow.call("PUT", "/api/scale", student, socle, "If-Match", "\"1\"").statusCode()).isEqualTo(403);

        Browser teacherBrowser = new Browser();
        Page overview = teacherBrowser.get(app().uri("/course/overview?lti_session=" + teacher));
        Page saved = teacherBrowser.submit(overview.form("scale-form").orElseThrow().with("label_0", "À revoir")
                .with("proficientLevel", "2"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(Json.object(flow.call("GET", "/api/scale", teacher, null).body()).getJsonArray("levels")
                .getJsonObject(0).getString("label")).isEqualTo("À revoir");
    }

    @Test
    void theGradePreviewComputesTheCoursesRuleForTeachersAndRefusesWhatIsNotALevel() {
        String course = newCourse();
        long activity = flow.activity(course, "TP API REST", B2);
        String alan = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        String path = "/api/activities/" + activity + "/grade-preview";

        // weighted mean: (2 + 2×3) / (3 × 3) × 20; nothing assessed: no score
        HttpResponse<String> mean = flow.call("POST", path, teacher,
                "{\"rows\":[{\"levels\":{\"B2.1\":2,\"B2.2.1\":3}},{\"levels\":{\"B2.1\":null}},{}]}");
        assertThat(mean.statusCode()).as(mean.body()).isEqualTo(200);
        List<JsonObject> rows = Json.object(mean.body()).getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(rows.get(0).getJsonNumber("score").bigDecimalValue()).isEqualByComparingTo("17.78");
        assertThat(rows.get(1).containsKey("score")).isFalse();
        assertThat(rows.get(2).containsKey("score")).isFalse();
        assertThat(flow.call("PUT", "/api/gradebook/rule", teacher, "{\"rule\":\"PROPORTION_ACQUIRED\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> share = flow.call("POST", path, teacher,
                "{\"rows\":[{\"levels\":{\"B2.1\":1,\"B2.2.1\":3}}]}");
        assertThat(Json.object(share.body()).getJsonArray("rows").getJsonObject(0).getJsonNumber("score")
                .bigDecimalValue()).as("weight 2 of 3 acquired").isEqualByComparingTo("13.33");

        HttpResponse<String> wrong = flow.call("POST", path, teacher,
                "{\"rows\":[{\"levels\":{\"B2.1\":4,\"B9.9\":1}}]}", "Accept-Language", "en");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(wrong.body()).contains("rows[0].levels.B2.1", "rows[0].levels.B9.9", "Unknown level 4");
        assertThat(flow.call("POST", path, teacher, "{}").statusCode()).isEqualTo(400);
        assertThat(flow.call("POST", path, teacher, "{\"rows\":").statusCode()).isEqualTo(400);
        assertThat(flow.call("POST", path, alan, "{\"rows\":[]}").statusCode()).as("teachers only").isEqualTo(403);
        assertThat(flow.call("POST", "/api/activities/999999/grade-preview", teacher, "{\"rows\":[]}").statusCode())
                .isEqualTo(404);
    }

    /** The default scale's French names, as a whole word ("Acquis", not "acquisition"). */
    static final Pattern FRENCH_LEVEL = Pattern.compile("Non acquis|En cours d[’']acquisition|(?<!\\p{L})Acquis(?!\\p{L})"
            + "|Maîtrisé");

    @Test
    void englishPagesNameTheDefaultLevelsInEnglishAndARenamedLevelAsTyped() {
        String course = newCourse();
        long activity = flow.activity(course, "TP API REST", B2);
        String alan = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));
        flow.open(new Browser(), flow.student(GRACE, course, "L1", opens(activity)));
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        HttpResponse<String> saved = flow.call("PUT", "/api/activities/" + activity + "/grid", teacher,
                "{\"rows\":[{\"studentUserId\":" + userId(grid, "Alan Turing") + ",\"version\":0,\"levels\":"
                        + "{\"B2.1\":2,\"B2.2.1\":3}},{\"studentUserId\":" + userId(grid, "Grace Hopper")
                        + ",\"version\":0,\"levels\":{\"B2.1\":0,\"B2.2.1\":1}}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String alanProgress = "/course/progress?student=" + userId(grid, "Alan Turing");

        Map<String, String> english = englishReadings(activity, teacher, alan, alanProgress);
        english.forEach((what, body) -> assertThat(FRENCH_LEVEL.matcher(body).results().map(MatchResult::group))
                .as(what + "\n" + body).isEmpty());
        assertThat(english.get("grid page")).contains("Not acquired", "Being acquired", "Acquired", "Mastered");
        assertThat(english.get("grid API")).contains("\"Mastered\"");
        assertThat(english.get("student's activity page")).contains("Acquired", "Mastered");
        assertThat(english.get("class progress CSV")).contains("Acquired", "Mastered");
        assertThat(english.get("student progress page")).contains("Acquired or better");
        assertThat(english.get("gradebook page")).contains("Every skill at least “Acquired”");

        // a teacher renames the top level from the English form; the untouched levels stay the default ones
        Browser teacherBrowser = new Browser();
        Page overview = teacherBrowser.get(app().uri("/course/overview?lang=en&lti_session=" + teacher));
        assertThat(teacherBrowser.submit(overview.form("scale-form").orElseThrow().with("label_3", "Expert"))
                .status()).isEqualTo(303);
        englishReadings(activity, teacher, alan, alanProgress).forEach((what, body) -> assertThat(body).as(what)
                .doesNotContain("Mastered").doesNotMatch("(?s).*(" + FRENCH_LEVEL.pattern() + ").*"));
        assertThat(englishReadings(activity, teacher, alan, alanProgress).get("grid page")).contains("Expert",
                "Acquired");
        String french = flow.call("GET", "/api/scale", teacher, null, "Accept-Language", "fr").body();
        assertThat(Json.object(french).getJsonArray("levels")).extracting(l -> l.asJsonObject().getString("label"))
                .containsExactly("Non acquis", "En cours d’acquisition", "Acquis", "Expert");
    }

    /** What a teacher and a student read in English about the course's levels, by what it is. */
    private Map<String, String> englishReadings(long activity, String teacher, String alan, String alanProgress) {
        Map<String, String> read = new java.util.LinkedHashMap<>();
        read.put("grid page", page("/activity?lang=en&lti_session=" + teacher));
        read.put("grid API", flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null,
                "Accept-Language", "en").body());
        read.put("scale API", flow.call("GET", "/api/scale", teacher, null, "Accept-Language", "en").body());
        read.put("course page", page("/course/overview?lang=en&lti_session=" + teacher));
        read.put("student progress page", page(alanProgress + "&lang=en&lti_session=" + teacher));
        read.put("class progress page", page("/course/progress/overview?lang=en&lti_session=" + teacher));
        read.put("class progress CSV", page("/course/progress/overview.csv?lang=en&lti_session=" + teacher));
        read.put("class progress API", flow.call("GET", "/api/progress/course", teacher, null,
                "Accept-Language", "en").body());
        read.put("gradebook page", page("/course/gradebook?lang=en&lti_session=" + teacher));
        read.put("student's activity page", page("/activity?lang=en&lti_session=" + alan));
        read.put("student's own progress", page("/course/progress?lang=en&lti_session=" + alan));
        read.put("student's progress API", flow.call("GET", "/api/progress", alan, null, "Accept-Language", "en")
                .body());
        return read;
    }

    private String page(String path) {
        Page page = new Browser().get(app().uri(path));
        assertThat(page.status()).as(path + "\n" + page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void studentsHandInTextsLinksAndFilesWhoseTypeIsCheckedByContent() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        Browser alanBrowser = new Browser();
        Page page = flow.open(alanBrowser, flow.student(ALAN, course, "L1", opens(activity)));
        String alan = session(page);
        String evidence = "/api/activities/" + activity + "/evidence";

        Page afterText = alanBrowser.submit(page.form("evidence-text").orElseThrow().with("text", "Mon compte rendu"));
        assertThat(afterText.status()).isEqualTo(303);
        assertThat(alanBrowser.get(afterText.location().orElseThrow()).body()).contains("Mon compte rendu");
        assertThat(flow.call("POST", evidence, alan, "{\"url\":\"https://git.lycee.fr/alan/api\"}").statusCode())
                .isEqualTo(201);
        assertThat(flow.call("POST", evidence, alan, "{\"url\":\"javascript:alert(1)\"}").statusCode()).isEqualTo(422);
        HttpResponse<String> pdf = upload(activity, alan, "rapport.exe", "%PDF-1.4 rapport".getBytes());
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        assertThat(Json.object(pdf.body()).getString("mediaType")).isEqualTo("application/pdf");
        HttpResponse<String> disguised = upload(activity, alan, "rapport.pdf", new byte[] {'M', 'Z', 0, 0, 1, 2});
        assertThat(disguised.statusCode()).isEqualTo(415);
        assertThat(Json.object(disguised.body()).getString("detail")).contains("d’après son contenu");
        assertThat(upload(activity, alan, "gros.pdf", new byte[10 * 1024 * 1024 + 1]).statusCode()).isEqualTo(413);

        assertThat(Json.array(flow.call("GET", evidence, alan, null).body())).hasSize(3);
        String teacher = session(flow.open(new Browser(), flow.teacher(course, "L1", opens(activity))));
        assertThat(Json.array(flow.call("GET", evidence, teacher, null).body())).hasSize(3);
        HttpResponse<String> download = flow.call("GET", "/api/evidence/" + Json.object(pdf.body()).getInt("id")
                + "/file", teacher, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("%PDF-1.4 rapport");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename*=UTF-8''rapport.exe.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void evidenceIsForItsStudentAndTheCoursesTeachersOnly() {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String alan = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));
        long file = Json.object(upload(activity, alan, "notes.txt", "Mes notes".getBytes()).body()).getInt("id");
        String grace = session(flow.open(new Browser(), flow.student(GRACE, course, "L1", opens(activity))));
        String otherCourse = session(flow.open(new Browser(), flow.teacher(newCourse(), "L1", Map.of())));
        String otherPlatform = session(otherFlow.open(new Browser(), otherFlow.teacher(course, "L1", Map.of())));
        String download = "/api/evidence/" + file + "/file";

        assertThat(flow.call("GET", download, grace, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", download, otherCourse, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", download, otherPlatform, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", download, null, null).statusCode()).isEqualTo(401);
        assertThat(Json.array(flow.call("GET", "/api/activities/" + activity + "/evidence", grace, null).body())).isEmpty();
        assertThat(flow.call("DELETE", "/api/evidence/" + file, grace, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", download, alan, null).statusCode()).isEqualTo(200);
        assertThat(flow.call("DELETE", "/api/evidence/" + file, alan, null).statusCode()).isEqualTo(204);
        assertThat(flow.call("GET", download, alan, null).statusCode()).isEqualTo(404);
    }

    @Test
    void evidenceFilesAndTheDatabaseAreTheApplicationUsersAlone() throws Exception {
        String course = newCourse();
        long activity = flow.activity(course, "TP", B2);
        String alan = session(flow.open(new Browser(), flow.student(ALAN, course, "L1", opens(activity))));
        assertThat(upload(activity, alan, "rapport.pdf", "%PDF-1.4 rapport".getBytes()).statusCode()).isEqualTo(201);

        // DATA_DIR, the evidence directory and its files, and on H2 the database (keys and session secret included)
        List<Path> everything;
        try (var paths = Files.walk(app().dataDir())) {
            everything = paths.toList();
        }
        assertThat(everything).anyMatch(path -> path.getParent().getFileName().toString().equals("evidence"));
        // H2's trace file, written on a database error, follows the umask until the next start: the directory guards it
        for (Path path : everything.stream().filter(p -> !p.toString().endsWith(".trace.db")).toList()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
    }

    private HttpResponse<String> upload(long activity, String session, String name, byte[] content) {
        return app().send(java.net.http.HttpRequest.newBuilder(app().uri("/api/activities/" + activity
                        + "/evidence/files?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-Lti-Session", session).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    static long userId(JsonObject grid, String name) {
        return grid.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("name").equals(name)).findFirst().orElseThrow()
                .getJsonNumber("studentUserId").longValue();
    }

    static JsonObject row(JsonObject grid, long userId) {
        return grid.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getJsonNumber("studentUserId").longValue() == userId).findFirst().orElseThrow();
    }
}
