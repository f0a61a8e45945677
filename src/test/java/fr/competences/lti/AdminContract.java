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
