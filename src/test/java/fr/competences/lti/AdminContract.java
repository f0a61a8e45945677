package fr.competences.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The admin API: manual platform registrations and the rotation of the tool's keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminContract {

    TestPlatform platform;

    abstract TestApp app();

    @BeforeAll
    void startPlatform() {
        platform = TestPlatform.start();
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    @Test
    void theAdminApiRequiresTheToken() {
        HttpResponse<String> anonymous = app().get("/api/admin/lti/platforms");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(app().get("/api/admin/lti/keys", "Authorization", "Bearer faux").statusCode()).isEqualTo(401);
    }

    @Test
    void platformsAreCreatedListedUpdatedAndDisabled() {
        ToolRegistration tool = Registrar.register(app(), platform, "5");
        JsonObject created = Registrar.platformOf(app(), platform, tool);
        assertThat(created.getString("registeredBy")).isEqualTo("ADMIN");
        assertThat(created.getString("jwksUri")).isEqualTo(platform.jwksUri());
        String path = "/api/admin/lti/platforms/" + created.getJsonNumber("id").longValue();

        HttpResponse<String> disabled = Registrar.admin(app(), "PUT", path, Registrar.body(platform, tool, false));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(Json.object(disabled.body()).getBoolean("enabled")).isFalse();
        assertThat(new Browser().submit(platform.loginInitiation(learner(tool))).status()).isEqualTo(403);

        Registrar.admin(app(), "PUT", path, Registrar.body(platform, tool, true));
        assertThat(new Browser().launch(platform, learner(tool)).status()).isEqualTo(200);
    }

    @Test
    void disablingAPlatformOrADeploymentEndsItsOpenSessions() {
        ToolRegistration tool = Registrar.register(app(), platform, "7", "8");
        String path = "/api/admin/lti/platforms/" + Registrar.platformOf(app(), platform, tool).getJsonNumber("id")
                .longValue();
        Browser studentBrowser = new Browser();
        String student = LtiLaunchContract.session(studentBrowser.launch(platform, learner(tool)));
        String teacher = LtiLaunchContract.session(new Browser().launch(platform, Launch.resourceLink(tool,
                Launch.User.named("302", "Ada", "Admin"), Launch.INSTRUCTOR, "A1", "L1").inDeployment("8")
                .inLocale("en")));
        assertThat(page("/activity", student).statusCode()).isEqualTo(200);

        assertThat(Registrar.admin(app(), "PUT", path, Registrar.body(platform, tool, false)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = page("/activity", student);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("L’administrateur de l’outil l’a désactivé pour votre plateforme");
        assertThat(page("/course", teacher).body()).as("in the session's language")
                .contains("disabled it for your platform. Ask them to enable it again");
        HttpResponse<String> renewal = app().send(HttpRequest.newBuilder(app().uri("/lti/session"))
                .header("X-Lti-Session", student).header("X-Lti-Renewal", studentBrowser.renewalKey())
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(renewal.statusCode()).isEqualTo(403);
        assertThat(renewal.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(Json.object(renewal.body()).getString("type")).endsWith(":lti-tool-disabled");

        assertThat(Registrar.admin(app(), "PUT", path, Registrar.body(platform, tool, true, List.of("7")))
                .statusCode()).isEqualTo(200);
        assertThat(page("/activity", student).statusCode()).as("enabled again").isEqualTo(200);
        assertThat(page("/course", teacher).statusCode()).as("its deployment left out").isEqualTo(403);
    }

    @Test
    void invalidPlatformsAreRefusedWithEveryProblem() {
        HttpResponse<String> refused = Registrar.admin(app(), "POST", "/api/admin/lti/platforms",
                "{\"issuer\":\"\",\"jwksUri\":\"pas une url\",\"deploymentIds\":[]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Json.object(refused.body()).getJsonArray("errors")).extracting(e -> e.asJsonObject()
                .getString("location")).contains("issuer", "clientId", "authorizationEndpoint", "jwksUri",
                "deploymentIds");
        assertThat(Registrar.admin(app(), "PUT", "/api/admin/lti/platforms/999999",
                Registrar.body(platform, platform.addTool(app().baseUrl()), true)).statusCode()).isEqualTo(404);
    }

    /** Launch tokens and grades must not cross a network in clear text: a new issuer is https, or on loopback. */
    @Test
    void aNewIssuerMustBeAnAbsoluteHttpsUrl() {
        for (String issuer : new String[] {"http://moodle.lycee.fr", "moodle.lycee.fr", "https://moodle.lycee.fr?x=1",
                "ftp://moodle.lycee.fr"}) {
            String body = Registrar.body(platform, platform.addTool(app().baseUrl()), true)
                    .replace("\"issuer\":\"" + platform.issuer() + "\"", "\"issuer\":\"" + issuer + "\"");

            HttpResponse<String> refused = Registrar.admin(app(), "POST", "/api/admin/lti/platforms", body);

            assertThat(refused.statusCode()).as(issuer + " → " + refused.body()).isEqualTo(422);
            assertThat(Json.object(refused.body()).getJsonArray("errors")).extracting(e -> e.asJsonObject()
                    .getString("location")).containsExactly("issuer");
        }
        String https = Registrar.body(platform, platform.addTool(app().baseUrl()), true)
                .replace("\"issuer\":\"" + platform.issuer() + "\"", "\"issuer\":\"https://moodle.lycee.fr/moodle\"");
        assertThat(Registrar.admin(app(), "POST", "/api/admin/lti/platforms", https).statusCode()).isEqualTo(201);
    }

    @Test
    void enabledMustBeTrueOrFalseNotTheText() {
        String body = Registrar.body(platform, platform.addTool(app().baseUrl()), true)
                .replace("\"enabled\":true", "\"enabled\":\"false\"");

        HttpResponse<String> refused = Registrar.admin(app(), "POST", "/api/admin/lti/platforms", body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Json.object(refused.body()).getJsonArray("errors")).extracting(e -> e.asJsonObject()
                .getString("location")).containsExactly("enabled");
    }

    @Test
    void keysRotate_publishFirstSignLaterRetireAfter() {
        String old = signing();
        HttpResponse<String> next = Registrar.admin(app(), "POST", "/api/admin/lti/keys?activateAfterHours=24", null);
        assertThat(next.statusCode()).isEqualTo(201);
        String nextKid = Json.object(next.body()).getString("kid");
        assertThat(publishedKids()).contains(old, nextKid);
        assertThat(signing()).as("la nouvelle clé ne signe qu'après le délai").isEqualTo(old);

        String now = Json.object(Registrar.admin(app(), "POST", "/api/admin/lti/keys?activateAfterHours=0", null)
                .body()).getString("kid");
        assertThat(signing()).isEqualTo(now);
        assertThat(Registrar.admin(app(), "DELETE", "/api/admin/lti/keys/" + now, null).statusCode()).isEqualTo(409);
        assertThat(Registrar.admin(app(), "DELETE", "/api/admin/lti/keys/" + old, null).statusCode()).isEqualTo(200);
        assertThat(publishedKids()).doesNotContain(old).contains(now, nextKid);
        assertThat(app().get("/.well-known/jwks.json").body()).isEqualTo(app().get("/lti/jwks").body());
    }

    private Launch learner(ToolRegistration tool) {
        return Launch.resourceLink(tool, Launch.User.named("301", "Admin", "Test"), Launch.LEARNER, "A1", "L1");
    }

    private HttpResponse<String> page(String path, String session) {
        return app().get(path + "?lti_session=" + session, "Accept", "text/html");
    }

    private String signing() {
        JsonArray keys = Json.array(Registrar.admin(app(), "GET", "/api/admin/lti/keys", null).body());
        return keys.getValuesAs(JsonObject.class).stream().filter(k -> k.getBoolean("signing")).findFirst()
                .orElseThrow().getString("kid");
    }

    private List<String> publishedKids() {
        return Json.object(app().get("/lti/jwks").body()).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("kid")).toList();
    }
}
