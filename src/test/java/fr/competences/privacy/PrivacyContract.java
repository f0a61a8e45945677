package fr.competences.privacy;

import static fr.competences.privacy.PrivacyFlow.ok;
import static fr.competences.privacy.PrivacyFlow.person;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.gradebook.GradebookFlow;
import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Page;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Personal data over real HTTP, whatever the database: a student's archive from their page, a teacher's for one
 * student of their course and every refusal around it, the administrator's erasure read back from fresh requests,
 * a file removal that fails, a platform that shares no name, and the privacy page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrivacyContract {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final byte[] PDF = "%PDF-1.4\n% rapport de stage\n1 0 obj << >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    PrivacyFlow flow;
    PrivacyFlow otherPlatform;

    abstract TestApp app();

    @BeforeAll
    void registerPlatforms() {
        flow = new PrivacyFlow(app());
        otherPlatform = new PrivacyFlow(app());
    }

    @AfterAll
    void stopPlatforms() {
        flow.close();
        otherPlatform.close();
    }

    @Test
    void aStudentDownloadsEverythingTheToolHoldsAboutThemFromTheirPage() {
        Launch.User ada = person("Ada", "Lovelace");
        Launch.User edsger = person("Edsger", "Dijkstra");
        Launch.User alan = person("Alan", "Turing");
        PrivacyFlow.Course api = flow.course(ada, alan);
        PrivacyFlow.Course algo = flow.course(edsger, alan);
        long alanId = flow.userId(api, alan);
        flow.selfAssess(api, alan, "{\"B2.1\":2}");
        long text = flow.handInText(api, alan, "Mon compte rendu");
        long link = flow.handInLink(api, alan, "https://git.lycee.test/alan/api");
        long file = flow.handInFile(api, alan, "Rapport de stage.pdf", PDF);
        flow.position(api, alanId, 0, "{\"B2.1\":2,\"B2.2.1\":3}", "Très bonne API");
        flow.position(api, alanId, 1, "{\"B2.1\":3}", null);
        flow.position(algo, alanId, 0, "{\"B2.1\":1}", null);
        // (1 × 3 + 2 × 3) / (3 × 3) × 20
        awaitGrade(api, alan, alanId, "20");

        // the « Mes données » link of the student's page, followed as a browser does
        Page page = flow.open(alan, Launch.LEARNER, api);
        Matcher href = Pattern.compile("href=\"(/privacy/export\\?lti_session=[^\"]+)\"").matcher(page.body());
        assertThat(href.find()).as(page.body()).isTrue();
        HttpResponse<byte[]> download = flow.download(href.group(1).replace("&amp;", "&"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment"));
        PrivacyFlow.Zip zip = PrivacyFlow.unzip(download.body());

        JsonObject data = zip.data();
        assertThat(data.getString("format")).isEqualTo("competences-lti/personal-data/1");
        assertThat(data.get("course")).isEqualTo(JsonValue.NULL);
        JsonObject tables = data.getJsonObject("tables");
        JsonObject user = tables.getJsonArray("lti_user").getJsonObject(0);
        assertThat(user.getJsonNumber("id").longValue()).isEqualTo(alanId);
        assertThat(user.getString("subject")).isEqualTo(alan.id());
        assertThat(user.getString("name")).isEqualTo("Alan Turing");
        assertThat(user.get("email")).as("the platform sent one; the tool keeps none").isEqualTo(JsonValue.NULL);
        assertThat(rows(tables, "lti_course_member")).hasSize(2);
        // levels and comments as the teacher's grid shows them, in both courses
        assertThat(positions(tables, api.activity())).isEqualTo(Map.of("B2.1", 3, "B2.2.1", 3));
        assertThat(positions(tables, algo.activity())).isEqualTo(Map.of("B2.1", 1));
        JsonObject row = gridRow(flow.grid(api), alanId);
        assertThat(row.getJsonObject("levels")).isEqualTo(Json.object("{\"B2.1\":3,\"B2.2.1\":3}"));
        assertThat(sheet(tables, api.activity()).getString("teacher_comment")).isEqualTo(row.getString("comment"));
        assertThat(rows(tables, "assessment_self_position")).singleElement().satisfies(self -> {
            assertThat(self.getString("item_code")).isEqualTo("B2.1");
            assertThat(self.getInt("level")).isEqualTo(2);
        });
        List<JsonObject> history = rows(tables, "assessment_history");
        assertThat(history).extracting(h -> h.getJsonNumber("activity_id").longValue() + " " + h.getString("item_code")
                + " " + level(h, "old_level") + "→" + level(h, "new_level")).containsExactly(
                api.activity() + " B2.1 null→2", api.activity() + " B2.2.1 null→3", api.activity() + " B2.1 2→3",
                algo.activity() + " B2.1 null→1");
        // evidence: rows as the evidence API lists them, the file itself beside them
        JsonArray listed = Json.array(ok(flow.call("GET", "/api/activities/" + api.activity() + "/evidence",
                api.session(alan), null)));
        List<JsonObject> evidence = rows(tables, "evidence");
        assertThat(evidence).extracting(e -> e.getJsonNumber("id").longValue()).containsExactly(text, link, file)
                .containsExactlyElementsOf(listed.getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getJsonNumber("id").longValue()).toList());
        assertThat(evidence.get(0).getString("body")).isEqualTo("Mon compte rendu");
        assertThat(evidence.get(1).getString("url")).isEqualTo("https://git.lycee.test/alan/api");
        JsonObject pdf = evidence.get(2);
        assertThat(pdf.getString("file_name")).isEqualTo("Rapport de stage.pdf");
        assertThat(pdf.getString("media_type")).isEqualTo("application/pdf");
        assertThat(pdf.getJsonNumber("size_bytes").longValue()).isEqualTo(PDF.length);
        assertThat(pdf.getString("sha256")).isEqualTo(PrivacyFlow.sha256(PDF));
        assertThat(pdf.getString("zip_entry")).isEqualTo("evidence/" + file + "-Rapport_de_stage.pdf");
        assertThat(zip.entries().get(pdf.getString("zip_entry"))).isEqualTo(PDF);
        assertThat(data.getJsonArray("files").getJsonObject(0).getBoolean("included")).isTrue();
        // grades sent and their status, as the teacher's gradebook page shows them
        JsonObject grade = rows(tables, "gb_score_sync").stream()
                .filter(s -> s.getJsonNumber("activity_id").longValue() == api.activity()).findFirst().orElseThrow();
        assertThat(grade.getString("status")).isEqualTo("SYNCED");
        assertThat(grade.getJsonNumber("score_given").bigDecimalValue()).isEqualByComparingTo("20");
        assertThat(grade.getString("user_sub")).isEqualTo(alan.id());
        assertThat(rows(tables, "gb_delivery")).extracting(d -> d.getInt("http_status")).contains(200);
        // what the rows refer to
        assertThat(rows(data.getJsonObject("context"), "lti_course")).extracting(c -> c.getString("context_id"))
                .containsExactlyInAnyOrder(api.id(), algo.id());
        assertThat(rows(data.getJsonObject("context"), "authors")).extracting(a -> a.getString("name"))
                .contains("Ada Lovelace", "Edsger Dijkstra");

        String summary = zip.text(ZipEntries.SUMMARY);
        assertThat(summary).contains("<html lang=\"fr\"", "Alan Turing", PrivacyFlow.TITLE, "Très bonne API",
                "Maîtrisé", "Mon compte rendu", "href=\"evidence/" + file + "-Rapport_de_stage.pdf\"", "Transmise",
                "Ada Lovelace").doesNotContain("<script");

        // the JSON resource is the same service: the same rows
        JsonObject json = Json.object(ok(flow.call("GET", "/api/privacy/data", api.session(alan), null)));
        assertThat(json.getJsonObject("tables").getJsonArray("assessment_history"))
                .isEqualTo(tables.getJsonArray("assessment_history"));
        assertThat(json.getJsonObject("tables").getJsonArray("gb_score_sync").size())
                .isEqualTo(tables.getJsonArray("gb_score_sync").size());
    }

    @Test
    void aTeacherDownloadsTheDataOfAStudentOfTheirCourseAndNothingElse() {
        Launch.User ada = person("Ada", "Lovelace");
        Launch.User barbara = person("Barbara", "Liskov");
        Launch.User edsger = person("Edsger", "Dijkstra");
        Launch.User grace = person("Grace", "Hopper");
        Launch.User linus = person("Linus", "Torvalds");
        PrivacyFlow.Course api = flow.course(ada, grace);
        PrivacyFlow.Course algo = flow.course(edsger, grace, linus);
        String colleague = GradebookFlow.session(flow.open(barbara, Launch.INSTRUCTOR, api));
        long graceId = flow.userId(api, grace);
        long linusId = flow.userId(algo, linus);
        long barbaraId = Json.object(ok(flow.call("GET", "/api/privacy/data", colleague, null)))
                .getJsonNumber("userId").longValue();
        flow.position(api, graceId, 0, "{\"B2.1\":2}", "Bien");
        flow.position(algo, graceId, 0, "{\"B2.1\":1}", "Autre cours");
        flow.handInFile(algo, grace, "algo.pdf", PDF);

        PrivacyFlow.Zip zip = flow.export(api.teacher(), "student=" + graceId);
        String audited = ok(flow.admin("GET", "/api/admin/audit?action=EXPORT&user=" + graceId));
        assertThat(Json.object(audited).getJsonArray("lines").getValuesAs(JsonObject.class)).anySatisfy(line -> {
            assertThat(line.getString("target")).isEqualTo("personal-data");
            assertThat(line.getJsonNumber("subjectUserId").longValue()).isEqualTo(graceId);
            assertThat(line.getString("actorRole")).isEqualTo("TEACHER");
        });

        JsonObject data = zip.data();
        JsonObject tables = data.getJsonObject("tables");
        assertThat(data.getJsonNumber("course").longValue()).isEqualTo(rows(tables, "lti_course_member")
                .getFirst().getJsonNumber("course_id").longValue());
        assertThat(rows(tables, "lti_course_member")).hasSize(1);
        assertThat(rows(tables, "assessment_sheet")).extracting(s -> s.getJsonNumber("activity_id").longValue())
                .containsOnly(api.activity());
        assertThat(rows(tables, "assessment_history")).extracting(s -> s.getJsonNumber("activity_id").longValue())
                .containsOnly(api.activity());
        assertThat(rows(tables, "evidence")).isEmpty();
        assertThat(zip.entries().keySet()).containsExactlyInAnyOrder(ZipEntries.DATA, ZipEntries.SUMMARY);
        assertThat(rows(data.getJsonObject("context"), "lti_course")).extracting(c -> c.getString("context_id"))
                .containsExactly(api.id());
        assertThat(zip.text(ZipEntries.SUMMARY)).contains("Grace Hopper", "Bien").doesNotContain("Autre cours");
        // the other course's teacher gets that course's rows, with its file
        PrivacyFlow.Zip fromAlgo = flow.export(algo.teacher(), "student=" + graceId);
        assertThat(fromAlgo.entries().keySet())
                .anyMatch(name -> name.startsWith("evidence/") && name.endsWith("algo.pdf"));
        assertThat(fromAlgo.text(ZipEntries.SUMMARY)).contains("Autre cours").doesNotContain(">Bien<");

        // refusals: a student of another course, a colleague, someone unknown, another student, another platform
        assertProblem(flow.download("/api/privacy/export?student=" + linusId, "X-Lti-Session", api.teacher()), 404,
                "n’est pas un étudiant de ce cours");
        assertProblem(flow.call("GET", "/api/privacy/data?student=" + linusId, api.teacher(), null,
                "Accept-Language", "en"), 404, "is not a student of this course");
        assertProblem(flow.call("GET", "/api/privacy/data?student=" + barbaraId, api.teacher(), null), 404,
                "n’est pas un étudiant");
        assertProblem(flow.call("GET", "/api/privacy/data?student=987654321", api.teacher(), null), 404,
                "n’est pas un étudiant");
        assertProblem(flow.download("/api/privacy/export?student=" + linusId, "X-Lti-Session", algo.session(grace)),
                403, "que vos propres données");
        assertProblem(flow.call("GET", "/api/privacy/data?student=" + graceId, algo.session(linus), null,
                "Accept-Language", "en"), 403, "only download your own data");
        PrivacyFlow.Course elsewhere = otherPlatform.course(person("Tim", "Berners-Lee"), person("Vint", "Cerf"));
        assertProblem(otherPlatform.call("GET", "/api/privacy/data?student=" + graceId, elsewhere.teacher(), null),
                404, "n’est pas un étudiant");
        assertThat(flow.download("/api/privacy/export").statusCode()).isEqualTo(401);
        // the pages' link: the teacher's page of the student offers it; a refusal there is a page, not JSON
        Page progress = flow.open(ada, Launch.INSTRUCTOR, api);
        String token = GradebookFlow.session(progress);
        assertThat(app().get("/course/progress?lti_session=" + token + "&student=" + graceId, "Accept", "text/html")
                .body()).contains("href=\"/privacy/export?lti_session", "student=" + graceId + "\" download");
        HttpResponse<byte[]> refused = flow.download("/privacy/export?lti_session=" + algo.session(grace)
                + "&student=" + linusId, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("<!DOCTYPE html>", "Accès refusé");
    }

    @Test
    void theAdministratorErasesAStudentAndTheClassKeepsAPseudonymousHistory() throws IOException {
        Launch.User ada = person("Ada", "Lovelace");
        Launch.User alan = person("Alan", "Turing");
        Launch.User grace = person("Grace", "Hopper");
        PrivacyFlow.Course course = flow.course(ada, alan, grace);
        long alanId = flow.userId(course, alan);
        long graceId = flow.userId(course, grace);
        flow.selfAssess(course, alan, "{\"B2.1\":1,\"B2.2.1\":2}");
        flow.handInText(course, alan, "Brouillon");
        flow.handInFile(course, alan, "rapport.pdf", PDF);
        flow.handInFile(course, grace, "grace.pdf", PDF);
        flow.position(course, alanId, 0, "{\"B2.1\":2,\"B2.2.1\":2}", "À revoir");
        flow.position(course, graceId, 0, "{\"B2.1\":3}", "Parfait");
        GradebookFlow.await(WITHIN, () -> "SYNCED".equals(flow.cellStatus(course, alanId))
                && "SYNCED".equals(flow.cellStatus(course, graceId)));
        BigDecimal inMoodle = flow.gradebook.moodle.grade(course.lineItem(), alan.id()).finalGrade();
        Path alanFile = storedFile(flow.export(course.session(alan), ""));
        assertThat(alanFile).exists();
        int historyBefore = history(course, alanId).size();
        // Moodle down: Alan's and Grace's new grades wait in the outbox
        flow.gradebook.moodle.down(true);
        try {
            flow.position(course, alanId, 1, "{\"B2.1\":3}", null);
            flow.position(course, graceId, 1, "{\"B2.1\":2}", null);
            GradebookFlow.await(WITHIN, () -> "PENDING".equals(flow.cellStatus(course, alanId)));

            HttpResponse<String> erased = flow.admin("DELETE", "/api/admin/privacy/platforms/" + flow.platformId()
                    + "/users/" + alan.id(), "Accept-Language", "en");

            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
            JsonObject report = Json.object(erased.body());
            assertThat(report.getJsonNumber("userId").longValue()).isEqualTo(alanId);
            JsonObject counts = report.getJsonObject("erased");
            assertThat(counts.getInt("evidence")).isEqualTo(2);
            assertThat(counts.getInt("evidenceFiles")).isEqualTo(1);
            assertThat(counts.getInt("positions")).isEqualTo(2);
            assertThat(counts.getInt("sheets")).isEqualTo(1);
            assertThat(counts.getInt("teacherComments")).isEqualTo(1);
            assertThat(counts.getInt("selfAssessments")).isEqualTo(2);
            assertThat(counts.getInt("memberships")).isEqualTo(1);
            assertThat(counts.getInt("gradeRecords")).isEqualTo(1);
            assertThat(counts.getInt("pendingGradesCancelled")).isEqualTo(1);
            assertThat(counts.getInt("gradeDeliveries")).isPositive();
            assertThat(report.getInt("historyEntriesPseudonymised")).isEqualTo(historyBefore + 1);
            assertThat(report.getString("user")).isEqualTo("PSEUDONYMISED");
            assertThat(report.getBoolean("complete")).isTrue();
            assertThat(report.getJsonArray("filesNotRemoved")).isEmpty();
            assertThat(report.getString("gradebook")).contains("already sent", "Moodle", "cancelled");
        } finally {
            flow.gradebook.moodle.down(false);
        }

        // read back, each from a fresh request
        assertThat(alanFile).doesNotExist();
        assertProblem(flow.call("GET", "/api/activities/" + course.activity() + "/me", course.session(alan), null),
                401, "a fermé cette session");
        assertThat(ok(flow.admin("GET", "/api/admin/audit?action=USER_ERASED&user=" + alanId)))
                .contains("\"subjectUserId\":" + alanId, "positions=2");
        assertProblem(flow.admin("GET", "/api/admin/privacy/platforms/" + flow.platformId() + "/users/" + alan.id()),
                404, "aucun utilisateur");
        assertProblem(flow.admin("DELETE", "/api/admin/privacy/platforms/" + flow.platformId() + "/users/" + alan.id()),
                404, "déjà été effacé");
        JsonObject grid = flow.grid(course);
        assertThat(grid.getJsonArray("rows").getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonNumber("studentUserId").longValue()).containsExactly(graceId);
        assertThat(gridRow(grid, graceId).getString("comment")).isEqualTo("Parfait");
        JsonArray evidence = Json.array(ok(flow.call("GET", "/api/activities/" + course.activity() + "/evidence",
                course.teacher(), null)));
        assertThat(evidence.getValuesAs(JsonObject.class)).extracting(e -> e.getJsonNumber("studentUserId").longValue())
                .containsOnly(graceId);
        List<JsonObject> history = history(course, alanId);
        assertThat(history).as("the class's history stays, pseudonymised").hasSize(historyBefore + 1)
                .allSatisfy(change -> {
                    assertThat(change.getString("studentName")).isEqualTo("Utilisateur n°" + alanId);
                    assertThat(change.getOrDefault("comment", JsonValue.NULL)).isEqualTo(JsonValue.NULL);
                });
        assertThat(history(course, graceId)).extracting(c -> c.getString("studentName")).containsOnly("Grace Hopper");
        JsonObject classProgress = Json.object(ok(flow.call("GET", "/api/progress/course", course.teacher(), null)));
        assertThat(classProgress.toString()).contains("Grace Hopper").doesNotContain("Alan Turing");
        // Grace's waiting grade goes once Moodle is back; Alan's was cancelled and Moodle keeps the grade it had
        GradebookFlow.await(WITHIN, () -> "SYNCED".equals(flow.cellStatus(course, graceId)));
        assertThat(flow.cells(course).getValuesAs(JsonObject.class))
                .extracting(c -> c.getJsonNumber("userId").longValue()).containsOnly(graceId);
        assertThat(flow.gradebook.moodle.grade(course.lineItem(), alan.id()).finalGrade())
                .isEqualByComparingTo(inMoodle);
        // Alan launching again is a new person to the tool, with nothing of the past
        Page back = flow.open(alan, Launch.LEARNER, course);
        JsonObject fresh = Json.object(ok(flow.call("GET", "/api/privacy/data", GradebookFlow.session(back), null)));
        assertThat(fresh.getJsonNumber("userId").longValue()).isNotEqualTo(alanId);
        assertThat(rows(fresh.getJsonObject("tables"), "assessment_sheet")).isEmpty();
        assertThat(rows(fresh.getJsonObject("tables"), "evidence")).isEmpty();
    }

    @Test
    void aFileThatCannotBeRemovedIsReportedNotSkipped() throws IOException {
        Launch.User ada = person("Ada", "Lovelace");
        Launch.User alan = person("Alan", "Turing");
        PrivacyFlow.Course course = flow.course(ada, alan);
        flow.handInFile(course, alan, "rapport.pdf", PDF);
        Path stored = storedFile(flow.export(course.session(alan), ""));
        // an I/O failure on removal: where the file would go in the trash, a directory that is not empty
        Path inTheWay = stored.resolveSibling(".deleted").resolve(stored.getFileName()).resolve("in-the-way");
        Files.createDirectories(inTheWay);
        try {
            HttpResponse<String> erased = flow.admin("DELETE", "/api/admin/privacy/platforms/" + flow.platformId()
                    + "/users/" + alan.id());

            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
            JsonObject report = Json.object(erased.body());
            assertThat(report.getBoolean("complete")).isFalse();
            assertThat(report.getJsonArray("filesNotRemoved").getValuesAs(JsonObject.class)).singleElement()
                    .satisfies(failure -> assertThat(failure.getString("path")).isEqualTo(stored.toString()));
            assertThat(report.getString("user")).isEqualTo("DELETED");
            assertThat(report.getString("gradebook")).contains("n’ont pas été modifiés", "Moodle");
            assertProblem(flow.admin("GET", "/api/admin/privacy/platforms/" + flow.platformId() + "/users/"
                    + alan.id()), 404, "aucun utilisateur");
            assertThat(stored).as("still there, to be removed by hand").exists();
        } finally {
            Files.delete(inTheWay);
            Files.delete(inTheWay.getParent());
            Files.deleteIfExists(stored);
        }
    }

    @Test
    void aPlatformThatSharesNoNameNorEmailStillWorks() {
        Launch.User ada = person("Ada", "Lovelace");
        Launch.User anonymous = Launch.User.anonymous("a" + System.nanoTime());
        PrivacyFlow.Course course = flow.course(ada, anonymous);
        JsonObject row = flow.grid(course).getJsonArray("rows").getJsonObject(0);
        assertThat(row.getString("name")).isEqualTo("Utilisateur " + anonymous.id());
        assertThat(row.getBoolean("named")).isFalse();
        flow.position(course, row.getJsonNumber("studentUserId").longValue(), 0, "{\"B2.1\":2}", null);

        PrivacyFlow.Zip zip = flow.adminExport(flow.platformId(), anonymous.id());

        JsonObject user = zip.data().getJsonObject("tables").getJsonArray("lti_user").getJsonObject(0);
        assertThat(user.get("name")).isEqualTo(JsonValue.NULL);
        assertThat(user.get("email")).isEqualTo(JsonValue.NULL);
        assertThat(zip.text(ZipEntries.SUMMARY)).contains("Utilisateur " + anonymous.id(), "Acquis");
    }

    @Test
    void thePrivacyPageIsLinkedFromEveryPageInBothLanguages() {
        Launch.User ada = person("Ada", "Lovelace");
        PrivacyFlow.Course course = flow.course(ada);
        Page grid = flow.open(ada, Launch.INSTRUCTOR, course);
        assertThat(grid.body()).contains("<footer", "href=\"/privacy\"", "Données personnelles");
        assertThat(app().get("/?lang=en", "Accept", "text/html").body()).contains("href=\"/privacy?lang=en\"");

        HttpResponse<String> french = app().get("/privacy", "Accept", "text/html");
        HttpResponse<String> english = app().get("/privacy?lang=en", "Accept", "text/html");

        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body()).contains("Vos données personnelles", "Ce que l’outil enregistre", "Pourquoi",
                "Combien de temps", "aucune durée de conservation", "Qui les voit", "Vos droits", "Mes données",
                "délégué à la protection des données");
        assertThat(english.body()).contains("Your personal data", "What the tool stores", "For how long",
                "no retention period", "Who sees it", "Your rights", "My data");
    }

    // ---

    /** Waits until the tool says the grade is sent and Moodle holds {@code grade}; says what it saw if not. */
    private void awaitGrade(PrivacyFlow.Course course, Launch.User student, long studentId, String grade) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            var inMoodle = flow.gradebook.moodle.grade(course.lineItem(), student.id());
            if ("SYNCED".equals(flow.cellStatus(course, studentId)) && inMoodle != null
                    && inMoodle.finalGrade().compareTo(new BigDecimal(grade)) == 0) {
                return;
            }
            assertThat(System.nanoTime()).as("note %s attendue ; outil : %s ; Moodle : %s", grade, flow.cells(course),
                    inMoodle).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<JsonObject> history(PrivacyFlow.Course course, long student) {
        return Json.array(ok(flow.call("GET", "/api/activities/" + course.activity() + "/grid/history?student="
                + student, course.teacher(), null))).getValuesAs(JsonObject.class);
    }

    /** The stored file of the archive's only evidence file, in the app's DATA_DIR. */
    private Path storedFile(PrivacyFlow.Zip zip) {
        JsonObject file = rows(zip.data().getJsonObject("tables"), "evidence").stream()
                .filter(e -> e.getString("kind").equals("FILE")).findFirst().orElseThrow();
        return app().dataDir().resolve("evidence").resolve(file.getString("storage_name"));
    }

    static List<JsonObject> rows(JsonObject tables, String table) {
        return tables.getJsonArray(table).getValuesAs(JsonObject.class);
    }

    static JsonObject sheet(JsonObject tables, long activity) {
        return rows(tables, "assessment_sheet").stream()
                .filter(s -> s.getJsonNumber("activity_id").longValue() == activity).findFirst().orElseThrow();
    }

    static Map<String, Integer> positions(JsonObject tables, long activity) {
        long sheet = sheet(tables, activity).getJsonNumber("id").longValue();
        return rows(tables, "assessment_position").stream()
                .filter(p -> p.getJsonNumber("sheet_id").longValue() == sheet)
                .collect(java.util.stream.Collectors.toMap(p -> p.getString("item_code"), p -> p.getInt("level")));
    }

    static JsonObject gridRow(JsonObject grid, long student) {
        return grid.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("studentUserId").longValue() == student).findFirst().orElseThrow();
    }

    private static String level(JsonObject row, String column) {
        return row.isNull(column) ? "null" : Integer.toString(row.getInt(column));
    }

    static void assertProblem(HttpResponse<?> answer, int status, String detail) {
        String body = answer.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : (String) answer.body();
        assertThat(answer.statusCode()).as(body).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.object(body).getString("detail")).contains(detail);
    }
}
