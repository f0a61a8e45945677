package fr.competences.referential;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the running application guarantees about référentiels, over real HTTP, whatever the database.
 * Subclasses say which running application (H2 or PostgreSQL) they check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ReferentielsApiContract {

    static final String BUILT_IN = "/api/referentiels/bts-sio-2019-slam";
    static final String ADMIN = "Bearer " + TestApp.ADMIN_TOKEN;

    abstract TestApp app();

    @Test
    @Order(1)
    void listsTheBuiltInReferentielWithItsCounts() {
        HttpResponse<String> response = app().get("/api/referentiels");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject builtIn = find(Json.array(response.body()), "bts-sio-2019-slam");
        assertThat(builtIn.getBoolean("builtIn")).isTrue();
        assertThat(builtIn.getJsonObject("counts").getInt("blocs")).isEqualTo(3);
        assertThat(builtIn.getJsonObject("counts").getInt("competences")).isEqualTo(14);
        assertThat(builtIn.getJsonObject("counts").getInt("savoirFaire")).isEqualTo(63);
    }

    @Test
    @Order(2)
    void servesTheWholeTreeWithStableCodes() {
        JsonObject tree = Json.object(app().get(BUILT_IN).body());

        JsonArray blocs = tree.getJsonArray("blocs");
        assertThat(blocs).extracting(b -> b.asJsonObject().getString("code")).containsExactly("B1", "B2", "B3");
        JsonObject b1 = blocs.getJsonObject(0);
        assertThat(b1.getJsonArray("children")).hasSize(6);
        JsonObject b23 = blocs.getJsonObject(1).getJsonArray("children").getJsonObject(2);
        assertThat(b23.getString("code")).isEqualTo("B2.3");
        assertThat(b23.getJsonArray("children").getJsonObject(1).getString("title"))
                .isEqualTo("Développer des fonctionnalités applicatives au sein d’un système de gestion de base de données "
                        + "(relationnel ou non)");
        assertThat(blocs.getJsonObject(1).getString("option")).isEqualTo("SLAM");
    }

    @Test
    @Order(3)
    void homePageShowsTheTreeInFrenchAndInEnglish() {
        HttpResponse<String> french = app().get("/", "Accept", "text/html");
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(french.headers().firstValue("X-Frame-Options")).as("framable by Moodle").isEmpty();
        assertThat(french.body()).contains("<html lang=\"fr\">", "Référentiels de compétences", "B1.1.1",
                "Recenser et identifier les ressources numériques", "B3.5", "63</strong> savoir-faire");

        HttpResponse<String> english = app().get("/?lang=en", "Accept", "text/html");
        HttpResponse<String> browserInEnglish = app().get("/", "Accept", "text/html", "Accept-Language", "en-US");
        assertThat(browserInEnglish.body()).as("pages stay French unless ?lang=en").contains("<html lang=\"fr\">");
        assertThat(english.body()).contains("<html lang=\"en\">", "Competency frameworks", "63</strong> skills");
    }

    @Test
    @Order(4)
    void unknownThingsAreClear404s() {
        HttpResponse<String> api = app().get("/api/referentiels/inconnu");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.object(api.body()).getString("detail")).contains("inconnu", "GET /api/referentiels");

        HttpResponse<String> page = app().get("/pas-de-page", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page introuvable", "Retour à l’accueil").doesNotContain("Exception");

        HttpResponse<String> english = app().get("/api/referentiels/inconnu", "Accept-Language", "en");
        assertThat(Json.object(english.body()).getString("title")).isEqualTo("Framework not found");
    }

    @Test
    @Order(5)
    void healthChecksTheDatabaseAndOpenApiDocumentsTheApi() {
        for (String probe : List.of("/health/ready", "/health/live")) {
            HttpResponse<String> health = app().get(probe);
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            JsonObject body = Json.object(health.body());
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getJsonArray("checks")).extracting(c -> c.asJsonObject().getString("name"))
                    .contains("database");
        }
        HttpResponse<String> openapi = app().get("/openapi", "Accept", "application/json");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/referentiels", "/api/referentiels/{id}/export");
    }

    @Test
    @Order(6)
    void adminEndpointsRequireTheToken() {
        HttpResponse<String> anonymous = app().get(BUILT_IN + "/export");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        HttpResponse<String> wrong = app().get(BUILT_IN + "/export", "Authorization", "Bearer not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Json.object(wrong.body()).getString("detail")).contains("Authorization: Bearer");
    }

    @Test
    @Order(7)
    void caseExportReimportsToAnIdenticalTree() {
        String exported = app().get(BUILT_IN + "/export?format=case", "Authorization", ADMIN).body();
        // Same content under a new document identity, as another school's copy would be.
        String copy = exported.replace(Json.object(exported).getJsonObject("CFDocument").getString("identifier"),
                "0f7c5e4e-1d2b-4c3a-9e8f-123456789abc");

        HttpResponse<String> imported = post("/api/referentiels?format=case&code=copie-case", "application/json", copy);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/referentiels/copie-case"));
        assertThat(blocsOf("/api/referentiels/copie-case")).isEqualTo(blocsOf(BUILT_IN));
    }

    @Test
    @Order(8)
    void moodleCsvExportReimportsWithTheSameCodesAndTitles() {
        HttpResponse<String> csv = app().get(BUILT_IN + "/export?format=moodle-csv", "Authorization", ADMIN);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("bts-sio-2019-slam.moodle.csv"));
        assertThat(csv.body()).startsWith("\"Parent ID number\",\"ID number\",\"Short name\"");

        HttpResponse<String> imported = post("/api/referentiels?code=copie-moodle", "text/csv",
                csv.body().replace("\"bts-sio-2019-slam\"", "\"copie-moodle\""));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(codesAndTitles("/api/referentiels/copie-moodle")).isEqualTo(codesAndTitles(BUILT_IN));
    }

    @Test
    @Order(9)
    void aBrokenFileIsRefusedWithEveryProblemAndChangesNothing() {
        String before = app().get("/api/referentiels").body();
        String broken = "\"Parent ID number\",\"ID number\",\"Short name\",\"Description\",\"Description format\","
                + "\"Scale values\",\"Scale configuration\",\"Rule type (optional)\",\"Rule outcome (optional)\","
                + "\"Rule config (optional)\",\"Cross-referenced competency ID numbers\",\"Exported ID (optional)\","
                + "\"Is framework\",\"Taxonomy\"\n"
                + "\"\",\"FW\",\"Cassé\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"1\",\"\"\n"
                + "\"\",\"A\",\"Bloc A\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\"\n"
                + "\"ZZ\",\"A.1\",\"Orphelin\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\"\n"
                + "\"A\",\"A\",\"Doublon\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\"\n";

        HttpResponse<String> refused = post("/api/referentiels?code=casse", "text/csv", broken);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonObject problem = Json.object(refused.body());
        assertThat(problem.getString("detail")).contains("rien n'a été importé");
        assertThat(problem.getJsonArray("errors")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(problem.getJsonArray("errors").toString()).contains("ligne 4", "ligne 5");
        assertThat(app().get("/api/referentiels").body()).isEqualTo(before);
        assertThat(app().get("/api/referentiels/casse").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void importedReferentielsCanBeDeletedButNotTheBuiltInOne() {
        HttpRequest.Builder delete = HttpRequest.newBuilder().DELETE().header("Authorization", ADMIN);
        assertThat(app().send(delete.uri(app().uri(BUILT_IN)).build()).statusCode()).isEqualTo(409);
        assertThat(app().send(delete.uri(app().uri("/api/referentiels/copie-moodle")).build()).statusCode())
                .isEqualTo(204);
        assertThat(app().get("/api/referentiels/copie-moodle").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(11)
    void aRestartNeitherDuplicatesNorLosesData() {
        String before = app().get("/api/referentiels").body();

        app().restart();

        assertThat(app().get("/api/referentiels").body()).isEqualTo(before);
        assertThat(Json.array(before)).extracting(r -> r.asJsonObject().getString("id"))
                .containsExactlyInAnyOrder("bts-sio-2019-slam", "copie-case");
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return app().send(HttpRequest.newBuilder(app().uri(path))
                .header("Authorization", ADMIN)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonArray blocsOf(String path) {
        return Json.object(app().get(path).body()).getJsonArray("blocs");
    }

    /** code → title of every item, in document order, with its depth. */
    List<String> codesAndTitles(String path) {
        List<String> out = new java.util.ArrayList<>();
        collect(blocsOf(path), 1, out);
        return out;
    }

    private static void collect(JsonArray items, int depth, List<String> out) {
        for (JsonValue value : items) {
            JsonObject item = value.asJsonObject();
            out.add(depth + " " + item.getString("code") + " " + item.getString("title"));
            collect(item.getJsonArray("children"), depth + 1, out);
        }
    }

    private static JsonObject find(JsonArray list, String id) {
        return list.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " absent de " + list));
    }
}
