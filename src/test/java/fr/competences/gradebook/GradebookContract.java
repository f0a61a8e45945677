package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.Page;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * From the teacher's grid to the platform's gradebook, whatever the database: positioning students makes their
 * grades, with the skills' breakdown, appear in the Moodle-like platform within seconds; changing the course's rule
 * sends only the grades that change; a resync sends them again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GradebookContract {

    static final Launch.User ALAN = Launch.User.named("302", "Alan", "Turing");
    static final Launch.User GRACE = Launch.User.named("303", "Grace", "Hopper");
    static final Launch.User ADA = Launch.User.named("301", "Ada", "Lovelace");
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    GradebookFlow flow;
    MoodleServices moodle;

    abstract TestApp app();

    @BeforeAll
    void registerPlatform() {
        flow = new GradebookFlow(app());
        moodle = flow.moodle;
    }

    @AfterAll
    void stopPlatform() {
        flow.close();
    }

    @Test
    void positionsBecomeGradesWithTheirBreakdownInTheGradebook() {
        String course = "G" + UUID.randomUUID().toString().substring(0, 8);
        long activity = flow.activities(ADA, course, List.of("TP API REST")).getFirst();
        String lineItem = moodle.addActivityLineItem(course, "L1", "TP API REST", new BigDecimal("20"));
        String studentSession = null;
        for (Launch.User student : List.of(ALAN, GRACE)) {
            moodle.enrol(course, student.id(), student.name(), Launch.LEARNER, "Active");
            studentSession = GradebookFlow.session(open(launch(student, Launch.LEARNER, course, "L1", activity)));
        }
        assertThat(call("GET", "/api/gradebook/status", studentSession, null).statusCode()).isEqualTo(403);
        String teacher = GradebookFlow.session(open(launch(ADA, Launch.INSTRUCTOR, course, "L1", activity)));
        JsonObject grid = Json.object(call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        long alan = GradebookFlow.userId(grid, "Alan Turing");
        long grace = GradebookFlow.userId(grid, "Grace Hopper");

        HttpResponse<String> saved = call("PUT", "/api/activities/" + activity + "/grid", teacher,
                "{\"rows\":[{\"studentUserId\":" + alan + ",\"version\":0,\"levels\":{\"B2.1\":2,\"B2.2.1\":3},"
                        + "\"comment\":\"Très bonne API\"},{\"studentUserId\":" + grace + ",\"version\":0,"
                        + "\"levels\":{\"B2.1\":1}}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        // (1×2 + 2×3) / (3 × 3) × 20 = 17.78 and 1 / 3 × 20 = 6.67
        await(() -> moodle.grade(lineItem, ALAN.id()) != null && moodle.grade(lineItem, GRACE.id()) != null);
        assertThat(moodle.grade(lineItem, ALAN.id()).finalGrade()).isEqualByComparingTo("17.78");
        assertThat(moodle.grade(lineItem, ALAN.id()).feedback()).as("each skill with its title and level")
                .matches("B2\\.1 [^\n]{10,60} : Acquis\nB2\\.2\\.1 [^\n]{10,60} : Maîtrisé\n\nTrès bonne API");
        assertThat(moodle.grade(lineItem, GRACE.id()).finalGrade()).isEqualByComparingTo("6.67");
        assertThat(moodle.grade(lineItem, GRACE.id()).feedback()).startsWith("B2.1 ").contains(" : En cours")
                .endsWith(" : Non évalué");
        await(() -> statuses(teacher, activity).equals(List.of("SYNCED", "SYNCED")));
        HttpResponse<String> page = flow.app.get("/course/gradebook?lti_session=" + teacher, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Carnet de notes", "TP API REST", "Alan Turing", "Transmise",
                "Moyenne pondérée", "Notes par étudiant", "<td class=\"sync-synced\"", "17,78",
                "Étudiants actifs : ").doesNotContain("« [] »");

        HttpResponse<String> rule = call("PUT", "/api/gradebook/rule", teacher, "{\"rule\":\"ALL_ACQUIRED\"}");
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
        assertThat(Json.object(rule.body()).getInt("queued")).as("only Alan's grade changes").isEqualTo(1);
        await(() -> moodle.grade(lineItem, ALAN.id()).finalGrade().compareTo(new BigDecimal("20")) == 0);

        int posted = scoresOf(course);
        HttpResponse<String> resync = call("POST", "/api/gradebook/activities/" + activity + "/resync", teacher, null);
        assertThat(Json.object(resync.body()).getInt("queued")).isEqualTo(2);
        await(() -> scoresOf(course) == posted + 2 && statuses(teacher, activity).equals(List.of("SYNCED", "SYNCED")));
        assertThat(moodle.scores()).filteredOn(s -> s.body().getString("userId").equals(GRACE.id()))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
    }

    @Test
    void gradesOfADeepLinkedActivityNobodyOpenedGoToItsColumnOrShowAsWaiting() {
        String course = "D" + UUID.randomUUID().toString().substring(0, 8);
        long opened = flow.activities(ADA, course, List.of("TP ouvert")).getFirst();
        moodle.addActivityLineItem(course, "L1", "TP ouvert", new BigDecimal("20"));
        moodle.enrol(course, ALAN.id(), ALAN.name(), Launch.LEARNER, "Active");
        open(launch(ALAN, Launch.LEARNER, course, "L1", opened));
        var deepLinked = flow.deepLinked(ADA, course, List.of("TP jamais ouvert")).entrySet().iterator().next();
        long neverOpened = deepLinked.getKey();
        String teacher = GradebookFlow.session(open(launch(ADA, Launch.INSTRUCTOR, course, "L1", opened)));
        long alan = GradebookFlow.userId(Json.object(call("GET", "/api/activities/" + neverOpened + "/grid", teacher,
                null).body()), "Alan Turing");

        // found through the course's line items (resourceId = the activity) and sent, nobody having opened it
        save(teacher, neverOpened, alan, "{\"B2.1\":2,\"B2.2.1\":3}");
        String column = moodle.lineItemsUrl(course).replace("/lineitems?", "/lineitems/" + deepLinked.getValue()
                + "/lineitem?");
        await(() -> moodle.grade(column, ALAN.id()) != null);
        assertThat(moodle.grade(column, ALAN.id()).finalGrade()).isEqualByComparingTo("17.78");
        await(() -> statuses(teacher, neverOpened).equals(List.of("SYNCED")));
        assertThat(Json.object(call("GET", "/api/gradebook/status", teacher, null).body()).getJsonArray("waiting"))
                .isEmpty();
        // its first launch later finds the same link and column: no second column
        open(launch(ALAN, Launch.LEARNER, course, deepLinked.getValue(), neverOpened));
        save(teacher, neverOpened, alan, "{\"B2.1\":3}");
        await(() -> moodle.grade(column, ALAN.id()).finalGrade().compareTo(new BigDecimal("20")) == 0);
        assertThat(moodle.lineItemLabels(course)).containsOnlyOnce("TP jamais ouvert");

        // Moodle made no grade item (the tool's grades not accepted at deep linking): shown as waiting, with what to do
        flow.platform.acceptGradesFromTool(false);
        Map.Entry<Long, String> withoutColumn;
        try {
            withoutColumn = flow.deepLinked(ADA, course, List.of("TP sans colonne")).entrySet().iterator().next();
        } finally {
            flow.platform.acceptGradesFromTool(true);
        }
        long waiting = withoutColumn.getKey();
        save(teacher, waiting, alan, "{\"B2.1\":1}");
        await(() -> waiting(teacher).stream().anyMatch(w -> w.getJsonNumber("activityId").longValue() == waiting
                && w.getJsonObject("explanation").getString("fr").startsWith("Moodle n’a pas de colonne")));
        JsonObject shown = waiting(teacher).getFirst();
        assertThat(shown.getInt("positioned")).isEqualTo(1);
        assertThat(shown.getJsonObject("explanation").getString("fr")).contains("Ouvrez l’activité une fois dans Moodle");
        assertThat(shown.getJsonObject("explanation").getString("en")).contains("Open the activity once in Moodle");
        assertThat(statuses(teacher, waiting)).as("nothing sent, nothing shown as sent").isEmpty();
        assertThat(flow.app.get("/course/gradebook?lti_session=" + teacher, "Accept", "text/html").body())
                .contains("Notes en attente", "TP sans colonne", "Ouvrez l’activité une fois dans Moodle");
        // opened once in Moodle (its launch names no line item): the tool finds or makes its column and sends the grade
        open(launch(ADA, Launch.INSTRUCTOR, course, withoutColumn.getValue(), waiting).tampered(claims -> claims.claim(
                "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                        "scope", List.of(MoodleServices.COLUMN_MANAGEMENT.toArray()),
                        "lineitems", moodle.lineItemsUrl(course)))));
        await(() -> statuses(teacher, waiting).equals(List.of("SYNCED")) && waiting(teacher).isEmpty());
        assertThat(moodle.lineItemLabels(course)).as("TP ouvert, TP jamais ouvert, and the one made for the link")
                .hasSize(3);
    }

    List<JsonObject> waiting(String teacher) {
        return Json.object(call("GET", "/api/gradebook/status", teacher, null).body()).getJsonArray("waiting")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void competencyColumnsHoldEachStudentsMasteryAcrossActivities() {
        String course = "G" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> activities = flow.activities(ADA, course, List.of("TP Un", "TP Deux"));
        moodle.enrol(course, ALAN.id(), ALAN.name(), Launch.LEARNER, "Active");
        for (int i = 0; i < 2; i++) {
            moodle.addActivityLineItem(course, "K" + i, "TP " + i, new BigDecimal("20"));
            open(launch(ALAN, Launch.LEARNER, course, "K" + i, activities.get(i)));
        }
        String teacher = GradebookFlow.session(open(launch(ADA, Launch.INSTRUCTOR, course, "K0", activities.getFirst())));
        long alan = GradebookFlow.userId(Json.object(call("GET", "/api/activities/" + activities.getFirst() + "/grid",
                teacher, null).body()), "Alan Turing");
        // a column an earlier run created just before a crash: found again, renamed, never doubled
        moodle.addToolColumn(course, "ancien nom", "B2.1", "competence");

        assertThat(call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"EVERYTHING\"}").statusCode()).isEqualTo(400);
        moodle.down(true); // Moodle down when the columns are chosen: shown, retried by itself once it is back
        HttpResponse<String> chosen;
        try {
            chosen = call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"SKILL\",\"mastery\":\"LATEST\"}");
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
            await(() -> columnStates(teacher).equals(List.of("B2.1 FAILED 0", "B2.2.1 FAILED 0")));
        } finally {
            moodle.down(false);
        }
        await(() -> moodle.columns(course, "competence").size() == 2
                && moodle.columns(course, "competence").stream().noneMatch(c -> c.label().equals("ancien nom")));
        assertThat(moodle.columns(course, "competence")).extracting(MoodleServices.Column::resourceId)
                .containsExactly("B2.1", "B2.2.1");
        assertThat(moodle.columns(course, "competence").getFirst().label()).startsWith("B2.1 ");

        save(teacher, activities.get(0), alan, "{\"B2.1\":1}");
        save(teacher, activities.get(1), alan, "{\"B2.1\":3,\"B2.2.1\":2}");
        String skillColumn = moodle.columns(course, "competence").getFirst().url();
        await(() -> moodle.grade(skillColumn, ALAN.id()) != null
                && moodle.grade(skillColumn, ALAN.id()).finalGrade().compareTo(new BigDecimal("20")) == 0);
        assertThat(moodle.grade(skillColumn, ALAN.id()).feedback())
                .isEqualTo("B2.1 Maîtrisé\n– TP Un : En cours d’acquisition\n– TP Deux : Maîtrisé");
        String savoirFaire = moodle.columns(course, "competence").get(1).url();
        await(() -> moodle.grade(savoirFaire, ALAN.id()) != null);
        assertThat(moodle.grade(savoirFaire, ALAN.id()).finalGrade()).isEqualByComparingTo("13.33");

        // the latest positioning drops to Non acquis: 0, sent as such
        save(teacher, activities.get(1), alan, "{\"B2.1\":0,\"B2.2.1\":2}");
        await(() -> moodle.grade(skillColumn, ALAN.id()).finalGrade().signum() == 0);

        // per bloc, best positioning: the skill columns go, B2 comes with mean(max(1, 0), 2) / 3 × 20 = 10
        chosen = call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"BLOCK\",\"mastery\":\"HIGHEST\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        await(() -> moodle.columns(course, "competence").stream().map(MoodleServices.Column::resourceId).toList()
                .equals(List.of("B2")) && moodle.grade(moodle.columns(course, "competence").getFirst().url(), ALAN.id()) != null);
        MoodleServices.Column bloc = moodle.columns(course, "competence").getFirst();
        assertThat(bloc.resourceId()).isEqualTo("B2");
        assertThat(bloc.label()).startsWith("B2 Conception");
        assertThat(moodle.grade(bloc.url(), ALAN.id()).finalGrade()).isEqualByComparingTo("10");
        assertThat(moodle.grade(bloc.url(), ALAN.id()).feedback()).isEqualTo("B2.1 En cours d’acquisition\nB2.2.1 Acquis");
        await(() -> columnStates(teacher).equals(List.of("B2 CREATED 1")));
        long blocColumn = Json.object(call("GET", "/api/gradebook/columns", teacher, null).body()).getJsonArray("columns")
                .getJsonObject(0).getJsonNumber("columnId").longValue();
        HttpResponse<String> page = flow.app.get("/course/gradebook?lti_session=" + teacher + "&compareColumn="
                + blocColumn, "Accept", "text/html");
        assertThat(page.body()).contains("Colonnes de compétences", "Une colonne par bloc", "Colonne B2 Conception",
                "Comparaison avec le carnet de notes", "10,00 / 20", "Identique");

        // a teacher changing the scale changes the masteries sent (Maîtrisé now 4 points: (1 + 2) / 2 / 4 × 20)
        HttpResponse<String> scale = flow.app.send(java.net.http.HttpRequest.newBuilder(flow.app.uri(
                "/course/scale?lti_session=" + teacher)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("version=0&label_0=Non+acquis&points_0=0"
                        + "&label_1=En+cours&points_1=1&label_2=Acquis&points_2=2&label_3=Ma%C3%AEtris%C3%A9&points_3=4"
                        + "&proficientLevel=2")).build());
        assertThat(scale.statusCode()).as(scale.body()).isLessThan(400);
        await(() -> moodle.grade(bloc.url(), ALAN.id()).finalGrade().compareTo(new BigDecimal("7.5")) == 0);
        // a teacher overrides it in Moodle: the comparison shows it, the tool does not fight it
        moodle.override(bloc.url(), ALAN.id(), new BigDecimal("15"));
        page = flow.app.get("/course/gradebook?lti_session=" + teacher + "&compareColumn=" + blocColumn, "Accept",
                "text/html");
        assertThat(page.body()).contains("7,50 / 20", "15,00", "Différente");

        // taken away, and wanted again while the platform is deleting it: the teacher's change does not wait for the
        // platform, and the column is created anew with the tool's grade
        moodle.deleteLatency(1500);
        try {
            int deletes = moodle.deletesReceived();
            chosen = call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"NONE\"}");
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
            await(() -> moodle.deletesReceived() > deletes);
            chosen = call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"BLOCK\",\"mastery\":\"HIGHEST\"}");
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        } finally {
            moodle.deleteLatency(0);
        }
        await(() -> columnStates(teacher).equals(List.of("B2 CREATED 1")) && moodle.columns(course, "competence").size() == 1
                && !moodle.columns(course, "competence").getFirst().url().equals(bloc.url()));
        String recreated = moodle.columns(course, "competence").getFirst().url();
        assertThat(moodle.grade(recreated, ALAN.id()).finalGrade()).isEqualByComparingTo("7.5");

        chosen = call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"NONE\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        await(() -> moodle.columns(course, "competence").isEmpty() && columnStates(teacher).isEmpty());
    }

    @Test
    void columnsRefusedUnderGradeSyncOnlyAreExplainedToTheTeacher() {
        String course = "G" + UUID.randomUUID().toString().substring(0, 8);
        long activity = flow.activities(ADA, course, List.of("TP sans colonnes")).getFirst();
        String teacher = GradebookFlow.session(open(launch(ADA, Launch.INSTRUCTOR, course, "S1", activity)));
        flow.permit(MoodleServices.GRADE_SYNC_ONLY);
        try {
            HttpResponse<String> chosen = call("PUT", "/api/gradebook/columns", teacher, "{\"mode\":\"BLOCK\"}");
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
            await(() -> columnStates(teacher).equals(List.of("B2 FAILED 0")));
            JsonObject column = Json.object(call("GET", "/api/gradebook/columns", teacher, null).body())
                    .getJsonArray("columns").getJsonObject(0);
            assertThat(column.getJsonObject("explanation").getString("fr")).contains("synchronisation des notes et "
                    + "gestion des colonnes");
            assertThat(moodle.columns(course, "competence")).isEmpty();
        } finally {
            flow.permit(MoodleServices.COLUMN_MANAGEMENT);
        }
    }

    @Test
    void anotherCoursesTeacherSeesNothingAndASessionIsRequired() {
        String course = "G" + UUID.randomUUID().toString().substring(0, 8);
        String teacher = GradebookFlow.session(open(launch(ADA, Launch.INSTRUCTOR, course, "L9", null)));
        JsonObject status = Json.object(call("GET", "/api/gradebook/status", teacher, null).body());
        assertThat(status.getJsonArray("students")).isEmpty();
        assertThat(call("POST", "/api/gradebook/resync", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void progressShowsEachStudentsMasteryAcrossActivitiesAndTheClassGrid() {
        String course = "P" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> activities = flow.activities(ADA, course, List.of("TP Un", "TP Deux")); // both: B2.1 and B2.2.1
        moodle.enrol(course, ALAN.id(), ALAN.name(), Launch.LEARNER, "Active");
        moodle.enrol(course, GRACE.id(), GRACE.name(), Launch.LEARNER, "Inactive");
        String alanSession = null;
        for (int i = 0; i < 2; i++) {
            alanSession = GradebookFlow.session(open(launch(ALAN, Launch.LEARNER, course, "P" + i, activities.get(i))));
        }
        String graceSession = GradebookFlow.session(open(launch(GRACE, Launch.LEARNER, course, "P0", activities.get(0))));
        String teacher = GradebookFlow.session(open(launch(ADA, Launch.INSTRUCTOR, course, "P0", activities.get(0))));
        JsonObject grid = Json.object(call("GET", "/api/activities/" + activities.get(0) + "/grid", teacher, null).body());
        long alan = GradebookFlow.userId(grid, "Alan Turing");
        long grace = GradebookFlow.userId(grid, "Grace Hopper");
        save(teacher, activities.get(0), alan, "{\"B2.1\":2,\"B2.2.1\":3}");
        save(teacher, activities.get(1), alan, "{\"B2.1\":1}"); // later: B2.1 now En cours (LATEST)

        HttpResponse<String> mine = call("GET", "/api/progress", alanSession, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonObject b2 = bloc(Json.object(mine.body()), "B2");
        JsonObject counts = b2.getJsonObject("counts");
        assertThat(List.of(counts.getInt("proficient"), counts.getInt("below"), counts.getInt("notAssessed")))
                .containsExactly(1, 1, 0);
        // B2.2.2–B2.2.5 and B2.3.1–B2.3.4 are in no activity: the bloc's bar is 2 skills out of 10, never full
        assertThat(counts.getInt("notInCourse")).isEqualTo(8);
        JsonObject b21 = skill(b2, "B2.1");
        assertThat(b21.getJsonObject("mastery").getString("label")).isEqualTo("En cours d’acquisition");
        assertThat(b21.getJsonArray("positionings").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("activity") + " " + p.getString("label"))
                .containsExactly("TP Un Acquis", "TP Deux En cours d’acquisition");
        HttpResponse<String> page = flow.app.get("/course/progress?lti_session=" + alanSession, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ma progression", "TP Un", "TP Deux", "B2.2.1", "Maîtrisé",
                "Compétences évaluées dans le cours : 2. Acquis ou mieux : 1 ; en dessous : 1 ; pas encore évaluées : 0.",
                "Aucune compétence de ce bloc n’est évaluée",
                "2 évaluée(s) dans le cours, dont 1 « Acquis » ou mieux, sur 10 compétence(s) du bloc.",
                "segment-outside", "<a href=\"/activity?lti_session", "Retour à l’activité</a>")
                .contains("<h1>Ma progression</h1>");
        assertThat(flow.app.get("/course/progress?student=" + alan + "&lti_session=" + teacher, "Accept", "text/html")
                .body()).as("a teacher's view is headed with the student's name").contains("<h1>Progression : Alan Turing</h1>");
        assertThat(open(launch(ALAN, Launch.LEARNER, course, "P0", activities.get(0))).body())
                .as("linked from the student's activity page").contains("/course/progress?lti_session=");

        // another student's progress: refused to a student, shown to the course's teacher
        assertThat(call("GET", "/api/progress?student=" + grace, alanSession, null).statusCode()).isEqualTo(403);
        assertThat(flow.app.get("/course/progress?student=" + grace + "&lti_session=" + alanSession, "Accept",
                "text/html").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/progress/course", graceSession, null).statusCode()).isEqualTo(403);
        JsonObject graces = Json.object(call("GET", "/api/progress?student=" + grace, teacher, null).body());
        assertThat(bloc(graces, "B2").getJsonObject("counts").getInt("notAssessed")).isEqualTo(2);
        assertThat(call("GET", "/api/progress?student=" + (grace + 1000), teacher, null).statusCode()).isEqualTo(404);

        // the class grid: every student, inactive ones marked, each cell's level as text
        assertThat(call("POST", "/api/gradebook/roster", teacher, null).statusCode()).isEqualTo(200);
        HttpResponse<String> overview = flow.app.get("/course/progress/overview?lti_session=" + teacher, "Accept",
                "text/html");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.body()).contains("Progression de la classe", "scope=\"colgroup\"", "B2.1", "B2.2.1",
                "Alan Turing", "Grace Hopper", "Inactif", "student=" + alan, "<span class=\"visually-hidden\">Maîtrisé</span>");
        HttpResponse<String> csv = flow.app.get("/course/progress/overview.csv?lti_session=" + teacher, "Accept",
                "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
        assertThat(csv.body().lines()).contains("\"Alan Turing\";\"\";\"En cours d’acquisition\";\"Maîtrisé\";\"1 / 2\"",
                "\"Grace Hopper\";\"Inactif\";\"Non évalué\";\"Non évalué\";\"0 / 2\"");
        assertThat(flow.app.get("/course/progress/overview.csv?lti_session=" + graceSession, "Accept", "text/csv")
                .statusCode()).isEqualTo(403);
        JsonObject classProgress = Json.object(call("GET", "/api/progress/course", teacher, null).body());
        assertThat(classProgress.getJsonArray("students").getValuesAs(JsonObject.class))
                .extracting(row -> row.getJsonObject("student").getString("name") + " "
                        + row.getJsonObject("masteries").getJsonObject("B2.1").get("label"))
                .containsExactly("Grace Hopper null", "Alan Turing \"En cours d’acquisition\""); // by family name
        assertThat(flow.app.get("/course/overview?lti_session=" + teacher, "Accept", "text/html").body())
                .contains("/course/progress/overview?lti_session=");
    }

    static JsonObject bloc(JsonObject progress, String code) {
        return progress.getJsonArray("referentiels").getJsonObject(0).getJsonArray("blocs").getValuesAs(JsonObject.class)
                .stream().filter(b -> b.getString("code").equals(code)).findFirst().orElseThrow();
    }

    static JsonObject skill(JsonObject bloc, String code) {
        return bloc.getJsonArray("competences").getValuesAs(JsonObject.class).stream()
                .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                        c.getJsonArray("children").getValuesAs(JsonObject.class).stream()))
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    // --- the launches and calls the teacher's browser makes

    Launch launch(Launch.User user, String role, String course, String link, Long activity) {
        return flow.launch(user, role, course, link, activity);
    }

    Page open(Launch launch) {
        return flow.open(launch);
    }

    HttpResponse<String> call(String method, String path, String session, String json) {
        return flow.call(method, path, session, json);
    }

    List<String> statuses(String teacher, long activity) {
        return Json.object(call("GET", "/api/gradebook/status", teacher, null).body()).getJsonArray("students")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getJsonNumber("activityId").longValue() == activity)
                .map(c -> c.getString("status")).toList();
    }

    void save(String teacher, long activity, long student, String levels) {
        JsonObject grid = Json.object(call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        int version = grid.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("studentUserId").longValue() == student).findFirst().orElseThrow()
                .getInt("version");
        HttpResponse<String> saved = call("PUT", "/api/activities/" + activity + "/grid", teacher, "{\"rows\":[{"
                + "\"studentUserId\":" + student + ",\"version\":" + version + ",\"levels\":" + levels + "}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** Each competency column as "code STATE synced". */
    List<String> columnStates(String teacher) {
        return Json.object(call("GET", "/api/gradebook/columns", teacher, null).body()).getJsonArray("columns")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("code") + " " + c.getString("state") + " "
                        + c.getInt("synced")).toList();
    }

    int scoresOf(String course) {
        return (int) moodle.scores().stream().filter(s -> s.lineItemId().equals("L1") && s.status() == 200
                && (s.body().getString("userId").equals(ALAN.id()) || s.body().getString("userId").equals(GRACE.id())))
                .count();
    }

    static void await(BooleanSupplier condition) {
        GradebookFlow.await(WITHIN_SECONDS, condition);
    }
}
