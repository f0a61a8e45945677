package fr.competences.portfolio;

import static fr.competences.portfolio.PortfolioFlow.ADA;
import static fr.competences.portfolio.PortfolioFlow.ALAN;
import static fr.competences.portfolio.PortfolioFlow.BARBARA;
import static fr.competences.portfolio.PortfolioFlow.GRACE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The BTS portfolio over real HTTP, whatever the database: a student's réalisations are stored with the fiche's
 * fields and read back from fresh requests, in any course of the platform; the coverage follows; the page shows
 * it in French and English; nobody else reaches it but teachers of a course the student learns in; another
 * platform never sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortfolioContract {

    PortfolioFlow flow;
    PortfolioFlow otherPlatform;

    abstract TestApp app();

    @BeforeAll
    void registerPlatforms() {
        flow = new PortfolioFlow(app());
        otherPlatform = new PortfolioFlow(app());
    }

    @AfterAll
    void stopPlatforms() {
        flow.close();
        otherPlatform.close();
    }

    static String realisation(String setting, String title, boolean team, String... skills) {
        return "{\"setting\":\"" + setting + "\",\"title\":\"" + title + "\",\"description\":\"Décrite à l’été ; "
                + "élève ingénieur·e\",\"organisation\":\"Lycée Évariste-Galois\",\"place\":\"Salle B12\","
                + "\"from\":\"2025-10-01\",\"to\":\"2025-11-15\",\"team\":" + team + ",\"conditions\":\"En binôme\","
                + "\"documentary\":\"Cahier des charges\",\"hardware\":\"2 serveurs\",\"software\":\"GLPI, Debian\","
                + "\"productions\":[\"https://git.example.org/sio/" + title.length() + "\"],\"skills\":["
                + String.join(",", java.util.Arrays.stream(skills).map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    @Test
    void aStudentKeepsTheirPortfolioAcrossCoursesAndOnlyTheirCoursesTeachersReadIt() {
        String course = "P" + UUID.randomUUID().toString().substring(0, 8);
        long activity = flow.activity(ADA, course);
        String alan = flow.sessionOf(ALAN, Launch.LEARNER, course, activity);

        List<String> titles = List.of("Gestion du parc avec GLPI", "Site vitrine de l’association",
                "Application de gestion des stocks", "Déploiement d’un service de tickets", "Veille technologique");
        long[] ids = new long[5];
        String[] bodies = {
            realisation("TRAINING", titles.get(0), false, "B1.1", "B1.2.1"),
            realisation("TRAINING", titles.get(1), true, "B1.3", "B1.4", "B2.1"),
            realisation("WORK_YEAR_1", titles.get(2), true, "B1.5", "B2.1", "B2.3.1"),
            realisation("WORK_YEAR_1", titles.get(3), false, "B1.2"),
            realisation("WORK_YEAR_2", titles.get(4), false, "B1.4.1")};
        for (int i = 0; i < bodies.length; i++) {
            HttpResponse<String> created = flow.call("POST", "/api/portfolio/realisations", alan, bodies[i]);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids[i] = Json.object(created.body()).getJsonNumber("id").longValue();
        }

        // bad input: every wrong field at once, in French, or English when asked
        String bad = "{\"setting\":\"STAGE\",\"title\":\"\",\"from\":\"2025-13-01\",\"productions\":[\"javascript:alert(1)\"],"
                + "\"skills\":[\"B3.1\",\"B1.9\"]}";
        HttpResponse<String> refused = flow.call("POST", "/api/portfolio/realisations", alan, bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.object(refused.body()).getJsonArray("errors")).hasSize(5);
        assertThat(refused.body()).contains("Choisissez le contexte", "B3.1, B1.9");
        assertThat(flow.call("POST", "/api/portfolio/realisations", alan, bad, "Accept-Language", "en").body())
                .contains("Choose the setting");
        assertThat(flow.call("POST", "/api/portfolio/realisations", alan, "{\"title\":").statusCode()).isEqualTo(400);

        // read back from a fresh request: fields, sections' order, coverage
        JsonObject portfolio = flow.portfolio(alan, "");
        long alanId = portfolio.getJsonNumber("studentUserId").longValue();
        assertThat(portfolio.getString("student")).isEqualTo("Alan Turing");
        assertThat(portfolio.getString("bloc1Exam")).isEqualTo("E5 (depuis 2024)");
        List<JsonObject> stored = portfolio.getJsonArray("realisations").getValuesAs(JsonObject.class);
        assertThat(stored).extracting(r -> r.getString("title")).containsExactlyElementsOf(titles);
        JsonObject first = stored.get(0);
        assertThat(first.getString("organisation")).isEqualTo("Lycée Évariste-Galois");
        assertThat(first.getString("description")).isEqualTo("Décrite à l’été ; élève ingénieur·e");
        assertThat(first.getString("from")).isEqualTo("2025-10-01");
        assertThat(first.getString("software")).isEqualTo("GLPI, Debian");
        assertThat(first.getJsonArray("skills").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("B1.1", "B1.2.1");
        assertThat(stored.get(1).getBoolean("team")).isTrue();
        JsonObject coverage = portfolio.getJsonObject("coverage");
        assertThat(coverage.getJsonArray("missing").toString()).isEqualTo("[\"B1.6\"]");
        assertThat(coverage.getInt("bloc2Realisations")).isEqualTo(2);

        // the page says it in plain words; the edit adds B1.6 and the gap is gone
        HttpResponse<String> page = flow.page("/portfolio", alan);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mon portfolio BTS", "Pas encore mobilisées : B1.6.",
                "2 réalisations mobilisent le bloc 2", "Réalisations en cours de formation",
                "Réalisations en milieu professionnel en cours de seconde année", "Site vitrine de l’association",
                "épreuve E5 (depuis 2024)");
        assertThat(flow.page("/portfolio?lang=en", alan).body()).contains("My BTS portfolio", "Not mobilised yet: B1.6.");
        assertThat(flow.page("/activity", alan).body()).contains("/portfolio?lti_session=");
        HttpResponse<String> edited = flow.form("/portfolio/realisations", alan, "id=" + ids[4]
                + "&setting=WORK_YEAR_2&title=Veille+technologique+%C3%A0+jour&team=alone&skill=B1.4.1&skill=B1.6.1"
                + "&productions=https%3A%2F%2Fveille.example.org%0D%0Ahttps%3A%2F%2Fblog.example.org");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        JsonObject fifth = Json.object(flow.call("GET", "/api/portfolio/realisations/" + ids[4], alan, null).body());
        assertThat(fifth.getString("title")).isEqualTo("Veille technologique à jour");
        assertThat(fifth.getJsonArray("productions")).hasSize(2);
        assertThat(flow.portfolio(alan, "").getJsonObject("coverage").getJsonArray("missing")).isEmpty();
        assertThat(flow.page("/portfolio", alan).body()).contains("Toutes les compétences du bloc 1 sont mobilisées.");

        // removed: gone from the portfolio
        assertThat(flow.call("DELETE", "/api/portfolio/realisations/" + ids[3], alan, null).statusCode()).isEqualTo(204);
        assertThat(flow.portfolio(alan, "").getJsonArray("realisations")).hasSize(4);

        // another student of the same course: 404 everywhere, nothing changed
        String barbara = flow.sessionOf(BARBARA, Launch.LEARNER, course, activity);
        assertThat(flow.call("GET", "/api/portfolio?student=" + alanId, barbara, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("GET", "/api/portfolio/realisations/" + ids[0], barbara, null).statusCode()).isEqualTo(404);
        assertThat(flow.call("PUT", "/api/portfolio/realisations/" + ids[0], barbara, bodies[1]).statusCode())
                .isEqualTo(404);
        assertThat(flow.call("DELETE", "/api/portfolio/realisations/" + ids[0], barbara, null).statusCode())
                .isEqualTo(404);
        assertThat(flow.portfolio(barbara, "").getJsonArray("realisations")).isEmpty();
        assertThat(flow.portfolio(alan, "").getJsonArray("realisations").getJsonObject(0).getString("title"))
                .isEqualTo(titles.get(0));

        // the course's teacher reads it (page read only); a teacher of an unrelated course gets 404
        String ada = flow.sessionOf(ADA, Launch.INSTRUCTOR, course, activity);

        // attachments: Alan's evidence and the activity, with the teacher's level beside them as a hint
        HttpResponse<String> handedIn = flow.call("POST", "/api/activities/" + activity + "/evidence", alan,
                "{\"url\":\"https://git.example.org/sio/glpi\"}");
        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(201);
        long evidence = Json.object(handedIn.body()).getJsonNumber("id").longValue();
        assertThat(flow.call("PUT", "/api/activities/" + activity + "/grid", ada, "{\"rows\":[{\"studentUserId\":"
                + alanId + ",\"version\":0,\"levels\":{\"B1.1\":3}}]}").statusCode()).isEqualTo(200);
        HttpResponse<String> attached = flow.call("POST", "/api/portfolio/realisations/" + ids[0] + "/attachments",
                alan, "{\"activityId\":" + activity + ",\"evidenceId\":" + evidence + "}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(flow.form("/portfolio/realisations/" + ids[0] + "/attachments", alan, "target=" + activity)
                .statusCode()).isEqualTo(303);
        List<JsonObject> attachments = Json.object(flow.call("GET", "/api/portfolio/realisations/" + ids[0], alan,
                null).body()).getJsonArray("attachments").getValuesAs(JsonObject.class);
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).getString("evidence")).isEqualTo("https://git.example.org/sio/glpi");
        JsonObject hint = attachments.get(0).getJsonArray("hints").getJsonObject(0);
        assertThat(hint.getString("code")).isEqualTo("B1.1");
        assertThat(hint.getString("label")).isEqualTo("Maîtrisé");
        assertThat(flow.page("/portfolio", alan).body()).contains("Activités et preuves rattachées", "B1.1 : Maîtrisé",
                "https://git.example.org/sio/glpi");
        assertThat(flow.page("/portfolio?lang=en", alan).body()).as("the default level's English name")
                .contains("B1.1 : Mastered").doesNotContain("Maîtrisé");
        assertThat(Json.object(flow.call("GET", "/api/portfolio/realisations/" + ids[0] + "?student=" + alanId, ada,
                null).body()).getJsonArray("attachments").getJsonObject(0).getJsonArray("hints")).hasSize(1);
        HttpResponse<String> barbaraOwn = flow.call("POST", "/api/portfolio/realisations", barbara,
                realisation("TRAINING", "Essai", false));
        long barbaraRealisation = Json.object(barbaraOwn.body()).getJsonNumber("id").longValue();
        assertThat(flow.call("POST", "/api/portfolio/realisations/" + barbaraRealisation + "/attachments", barbara,
                "{\"activityId\":" + activity + ",\"evidenceId\":" + evidence + "}").statusCode())
                .as("another student's evidence").isEqualTo(404);
        assertThat(flow.call("POST", "/api/portfolio/realisations/" + ids[0] + "/attachments", barbara,
                "{\"activityId\":" + activity + "}").statusCode()).as("another student's réalisation").isEqualTo(404);
        assertThat(flow.portfolio(ada, "?student=" + alanId).getJsonArray("realisations")).hasSize(4);
        HttpResponse<String> teacherPage = flow.page("/portfolio?student=" + alanId, ada);
        assertThat(teacherPage.statusCode()).isEqualTo(200);
        assertThat(teacherPage.body()).contains("Alan Turing", "Gestion du parc avec GLPI").doesNotContain("realisation-form");
        assertThat(flow.call("POST", "/api/portfolio/realisations", ada, bodies[0]).statusCode()).isEqualTo(403);

        // the class coverage: Alan complete, Barbara all gaps; sorted by gaps, Barbara first
        JsonObject matrix = Json.object(flow.call("GET", "/api/portfolio/course", ada, null).body());
        List<JsonObject> rows = matrix.getJsonArray("students").getValuesAs(JsonObject.class);
        assertThat(rows).extracting(r -> r.getString("name")).as("by family name")
                .containsExactly("Barbara Liskov", "Alan Turing");
        assertThat(rows.get(1).getJsonObject("coverage").getJsonArray("missing")).isEmpty();
        assertThat(rows.get(1).getJsonObject("coverage").getJsonObject("bloc1").getInt("B1.2")).isEqualTo(1);
        assertThat(rows.get(0).getJsonObject("coverage").getJsonArray("missing")).hasSize(6);
        HttpResponse<String> classPage = flow.page("/portfolio/class?sort=gaps", ada);
        assertThat(classPage.statusCode()).isEqualTo(200);
        assertThat(classPage.body()).contains("Portfolios BTS de la classe", "aucune réalisation", "2 / 2");
        assertThat(classPage.body().indexOf("Barbara Liskov")).isLessThan(classPage.body().indexOf("Alan Turing"));
        assertThat(flow.page("/course/overview", ada).body()).contains("/portfolio/class?lti_session=");
        assertThat(flow.page("/portfolio/class", barbara).statusCode()).isEqualTo(403);

        // the teacher comments and marks: the student reads both; the student's next change clears the status
        HttpResponse<String> commented = flow.call("POST", "/api/portfolio/realisations/" + ids[0] + "/comments?student="
                + alanId, ada, "{\"text\":\"Précisez la version de GLPI.\"}");
        assertThat(commented.statusCode()).as(commented.body()).isEqualTo(201);
        assertThat(flow.call("PUT", "/api/portfolio/realisations/" + ids[0] + "/review?student=" + alanId, ada,
                "{\"status\":\"VALIDATED\"}").statusCode()).isEqualTo(200);
        assertThat(flow.call("PUT", "/api/portfolio/realisations/" + ids[0] + "/review?student=" + alanId, ada,
                "{\"status\":\"PARFAIT\"}").statusCode()).isEqualTo(422);
        assertThat(flow.form("/portfolio/realisations/" + ids[1] + "/review", ada, "student=" + alanId
                + "&status=TO_REVISE&comment=Ajoutez+le+lien+du+site").statusCode()).isEqualTo(303);
        JsonObject reviewed = Json.object(flow.call("GET", "/api/portfolio/realisations/" + ids[0], alan, null).body());
        assertThat(reviewed.getString("review")).isEqualTo("VALIDATED");
        assertThat(reviewed.getJsonArray("comments").getJsonObject(0).getString("text"))
                .isEqualTo("Précisez la version de GLPI.");
        assertThat(reviewed.getJsonArray("comments").getJsonObject(0).getString("author")).isEqualTo("Ada Lovelace");
        assertThat(flow.page("/portfolio", alan).body()).contains("Validée", "À revoir", "Ajoutez le lien du site");
        assertThat(flow.call("PUT", "/api/portfolio/realisations/" + ids[1], alan, bodies[1]).statusCode())
                .isEqualTo(200);
        JsonObject changed = Json.object(flow.call("GET", "/api/portfolio/realisations/" + ids[1], alan, null).body());
        assertThat(!changed.containsKey("review") || changed.isNull("review")).as("status cleared").isTrue();
        assertThat(changed.getJsonArray("comments")).hasSize(1);
        // the exam papers: details entered once by the student, the course's defaults for the rest
        assertThat(flow.call("PUT", "/api/portfolio/course/defaults", ada, "{\"centre\":\"Lycée Évariste-Galois\","
                + "\"session\":2026}").statusCode()).isEqualTo(200);
        assertThat(flow.call("PUT", "/api/portfolio/candidate", alan, "{\"candidateNumber\":\"0212345678\","
                + "\"session\":1999}").statusCode()).isEqualTo(422);
        assertThat(flow.form("/portfolio/candidate", alan, "candidateNumber=0212345678&centre=&session="
                + "&portfolioUrl=https%3A%2F%2Falan.example.org").statusCode()).isEqualTo(303);
        assertThat(Json.object(flow.call("GET", "/api/portfolio/candidate", alan, null).body())
                .getString("candidateNumber")).isEqualTo("0212345678");
        List<String> expectedRows = List.of("Réalisations en cours de formation", titles.get(0), titles.get(1),
                "Réalisations en milieu professionnel en cours de première année", titles.get(2),
                "Réalisations en milieu professionnel en cours de seconde année", "Veille technologique à jour");
        HttpResponse<byte[]> xlsx = flow.download("/api/portfolio/export/tableau.xlsx", alan);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(PortfolioExports.XLSX);
        ExportReader.assertTableau(xlsx.body(), "SESSION 2026", "TURING Alan", "0212345678", "Lycée Évariste-Galois",
                "https://alan.example.org", expectedRows);
        assertThat(ExportReader.pdfText(flow.download("/api/portfolio/export/tableau.pdf", alan).body()))
                .contains(titles.get(0), titles.get(2), "Veille technologique à jour", "TURING Alan");
        String fiches = ExportReader.pdfText(flow.download("/api/portfolio/export/fiches.pdf", alan).body());
        assertThat(fiches).contains(titles.get(1), titles.get(2), "[X] B2.1").doesNotContain(titles.get(0));
        assertThat(ExportReader.sheetTitles(flow.download("/api/portfolio/export/fiches.xlsx", alan).body()))
                .containsExactly("Réalisation 1", "Réalisation 2");
        assertThat(flow.download("/api/portfolio/export/tableau.pdf?student=" + alanId, ada).statusCode())
                .isEqualTo(200);
        assertThat(flow.download("/api/portfolio/export/autre.pdf", alan).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> zip = flow.download("/api/portfolio/course/export.zip", ada);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(ExportReader.zipNames(zip.body())).containsExactly(
                "LISKOV_Barbara_tableau-de-synthese.xlsx", "LISKOV_Barbara_tableau-de-synthese.pdf",
                "LISKOV_Barbara_fiches-bloc-2.pdf", "LISKOV_Barbara_fiches-bloc-2.xlsx",
                "TURING_Alan_tableau-de-synthese.xlsx", "TURING_Alan_tableau-de-synthese.pdf",
                "TURING_Alan_fiches-bloc-2.pdf", "TURING_Alan_fiches-bloc-2.xlsx");
        assertThat(flow.download("/api/portfolio/course/export.zip", alan).statusCode()).isEqualTo(403);
        assertThat(flow.call("GET", "/api/audit?action=EXPORT", ada, null).body()).contains("portfolio");
        // every change left its line in the course's log, the removed réalisation's too
        String history = Json.object(flow.call("GET", "/api/audit?action=PORTFOLIO_CHANGED&size=50", ada, null).body())
                .getJsonArray("entries").getValuesAs(JsonObject.class).stream().map(e -> e.getString("details"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(history.split("— créée")).as("Alan's five and Barbara's one").hasSize(7);
        assertThat(history).contains(ids[3] + " — retirée — B1.2", ids[4] + " — modifiée — B1.4.1, B1.6.1",
                ids[0] + " — commentée", ids[0] + " — avis — validée", ids[1] + " — avis — à revoir",
                ids[0] + " — activité ou preuve rattachée");

        String unrelated = "U" + UUID.randomUUID().toString().substring(0, 8);
        long unrelatedActivity = flow.activity(GRACE, unrelated);
        String grace = flow.sessionOf(GRACE, Launch.INSTRUCTOR, unrelated, unrelatedActivity);
        assertThat(flow.call("GET", "/api/portfolio?student=" + alanId, grace, null).statusCode()).isEqualTo(404);
        assertThat(flow.page("/portfolio?student=" + alanId, grace).statusCode()).isEqualTo(404);
        assertThat(flow.download("/api/portfolio/export/tableau.xlsx?student=" + alanId, grace).statusCode())
                .isEqualTo(404);
        assertThat(flow.call("POST", "/api/portfolio/realisations/" + ids[0] + "/comments?student=" + alanId, grace,
                "{\"text\":\"Intrus\"}").statusCode()).isEqualTo(404);

        // the same student in another course of the platform: the same portfolio
        String alanElsewhere = flow.sessionOf(ALAN, Launch.LEARNER, unrelated, unrelatedActivity);
        assertThat(flow.portfolio(alanElsewhere, "").getJsonArray("realisations")).hasSize(4);
        // now Alan learns in Grace's course: she reads his portfolio, but not the levels of a course she does not teach
        JsonObject seenByGrace = flow.portfolio(grace, "?student=" + alanId).getJsonArray("realisations")
                .getJsonObject(0);
        assertThat(seenByGrace.getJsonArray("attachments")).hasSize(2);
        assertThat(seenByGrace.getJsonArray("attachments").getJsonObject(0).getJsonArray("hints")).isEmpty();
        assertThat(flow.portfolio(alanElsewhere, "").getJsonArray("realisations").getJsonObject(0)
                .getJsonArray("attachments").getJsonObject(0).getJsonArray("hints")).as("the student sees all").hasSize(1);

        // the same person on another platform: an empty portfolio, and no way to the first one's réalisations
        long otherActivity = otherPlatform.activity(ADA, course);
        String alanOther = otherPlatform.sessionOf(ALAN, Launch.LEARNER, course, otherActivity);
        assertThat(otherPlatform.portfolio(alanOther, "").getJsonArray("realisations")).isEmpty();
        assertThat(otherPlatform.call("GET", "/api/portfolio/realisations/" + ids[0], alanOther, null).statusCode())
                .isEqualTo(404);
        assertThat(otherPlatform.call("DELETE", "/api/portfolio/realisations/" + ids[0], alanOther, null)
                .statusCode()).isEqualTo(404);
        assertThat(flow.portfolio(alan, "").getJsonArray("realisations")).hasSize(4);

        // personal data: the student's export holds the portfolio; erasing the student erases it
        HttpResponse<String> data = flow.call("GET", "/api/privacy/data", alan, null);
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).contains("portfolio_realisation", "Gestion du parc avec GLPI", "0212345678",
                "Précisez la version de GLPI.");
        long platformId = Json.array(fr.competences.lti.Registrar.admin(app(), "GET", "/api/admin/lti/platforms", null)
                .body()).getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(flow.platform.issuer())
                        && p.getString("clientId").equals(flow.tool.clientId()))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        HttpResponse<String> erased = fr.competences.lti.Registrar.admin(app(), "DELETE", "/api/admin/privacy/platforms/"
                + platformId + "/users/" + ALAN.id(), null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonObject counts = Json.object(erased.body()).getJsonObject("erased");
        assertThat(counts.getInt("portfolioRealisations")).isEqualTo(4);
        assertThat(counts.getInt("portfolioCandidate")).isEqualTo(1);
        assertThat(otherPlatform.portfolio(alanOther, "").getJsonArray("realisations")).as("another platform's Alan")
                .isEmpty();
    }
}
