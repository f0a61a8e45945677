package fr.competences.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headers of the real jar's answers: every one says nosniff and carries a Content-Security-Policy without inline
 * script, and only the registered platforms (their issuer's origin and those their administrator added) may frame
 * the tool, following registrations as they change. Whether pages still work under that policy: the browser tests.
 */
class SecurityHeadersIT {

    static TestApp app;
    static TestPlatform platform;
    static ToolRegistration tool;

    @BeforeAll
    static void registerPlatform() {
        app = TestApps.h2();
        platform = TestPlatform.start();
        tool = Registrar.register(app, platform);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyAnswerSaysNosniffAndForbidsInlineScriptsAndPlugins() {
        List<Supplier<HttpResponse<String>>> answers = List.of(
                () -> app.get("/", "Accept", "text/html"),
                () -> app.get("/assets/lti.js", "Accept", "*/*"),
                () -> app.get("/api/referentiels"),
                () -> app.get("/nothing/here", "Accept", "text/html"),
                () -> app.get("/course", "Accept", "text/html"),
                () -> app.get("/lti/login?iss=" + platform.issuer(), "Accept", "text/html"),
                () -> app.send(HttpRequest.newBuilder(app.uri("/lti/launch")).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("id_token=x&state=y")).build()),
                () -> Registrar.admin(app, "GET", "/api/admin/lti/platforms", null));
        for (Supplier<HttpResponse<String>> request : answers) {
            HttpResponse<String> answer = request.get();
            String what = answer.request().method() + " " + answer.uri().getPath() + " → " + answer.statusCode();
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(answer.headers().allValues("Content-Security-Policy")).as(what).singleElement()
                    .satisfies(policy -> assertThat(policy)
                            .startsWith("default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'self'")
                            .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
            // nothing tells a visitor which server or version answers
            assertThat(answer.headers().map()).as(what).doesNotContainKeys("Server", "server", "X-Powered-By",
                    "x-powered-by");
        }
    }

    @Test
    void onlyRegisteredPlatformsAndTheOriginsTheirAdministratorAddedMayFrameTheTool() {
        assertThat(frameAncestors()).contains(" " + platform.issuer());
        assertThat(frameAncestors()).doesNotContain("https://www.lycee.fr");

        JsonObject registered = platformInTool();
        HttpResponse<String> updated = Registrar.admin(app, "PUT", "/api/admin/lti/platforms/"
                + registered.getJsonNumber("id"), body(true, "[\"https://www.lycee.fr/\", \"https://ENT.lycee.fr:8443\"]"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Json.object(updated.body()).getJsonArray("frameOrigins").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("https://www.lycee.fr", "https://ent.lycee.fr:8443");
        assertThat(frameAncestors()).contains(" " + platform.issuer(), " https://www.lycee.fr", " https://ent.lycee.fr:8443");

        // a PUT without frameOrigins keeps them; disabling the platform takes its origins away
        Registrar.admin(app, "PUT", "/api/admin/lti/platforms/" + registered.getJsonNumber("id"), body(false, null));
        assertThat(frameAncestors()).doesNotContain(platform.issuer(), "https://www.lycee.fr");
        Registrar.admin(app, "PUT", "/api/admin/lti/platforms/" + registered.getJsonNumber("id"), body(true, null));
        assertThat(frameAncestors()).contains(" " + platform.issuer(), " https://www.lycee.fr");
    }

    @Test
    void anOriginWithAPathOrAnythingButHttpIsRefused() {
        HttpResponse<String> refused = Registrar.admin(app, "PUT", "/api/admin/lti/platforms/"
                + platformInTool().getJsonNumber("id"), body(true, "[\"https://www.lycee.fr/moodle\", \"*\"]"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Json.object(refused.body()).getJsonArray("errors")).hasSize(2);
    }

    @Test
    void theRegistrationPageMayBeFramedByThePlatformThatRegistersItself() {
        // a closed port on loopback: the registration itself fails, the page that says so is framed by that platform
        HttpResponse<String> page = app.get("/lti/register?openid_configuration="
                + "http://127.0.0.1:9/mod/lti/openid-configuration.php&registration_token=t", "Accept", "text/html");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .endsWith(" http://127.0.0.1:9").contains(" " + platform.issuer());
        assertThat(frameAncestors()).doesNotContain("http://127.0.0.1:9 ").doesNotEndWith("http://127.0.0.1:9");
    }

    private static String frameAncestors() {
        String policy = app.get("/", "Accept", "text/html").headers().firstValue("Content-Security-Policy").orElseThrow();
        return policy.substring(policy.indexOf("frame-ancestors ") + "frame-ancestors".length());
    }

    private static JsonObject platformInTool() {
        return Json.array(Registrar.admin(app, "GET", "/api/admin/lti/platforms", null).body())
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(platform.issuer())
                        && p.getString("clientId").equals(tool.clientId())).findFirst().orElseThrow();
    }

    private static String body(boolean enabled, String frameOrigins) {
        return "{\"issuer\":\"" + platform.issuer() + "\",\"clientId\":\"" + tool.clientId() + "\","
                + "\"name\":\"Moodle de test\",\"authorizationEndpoint\":\"" + platform.authorizationEndpoint() + "\","
                + "\"tokenEndpoint\":\"" + platform.tokenEndpoint() + "\",\"jwksUri\":\"" + platform.jwksUri() + "\","
                + "\"deploymentIds\":[\"" + tool.deploymentId() + "\"],\"enabled\":" + enabled
                + (frameOrigins == null ? "" : ",\"frameOrigins\":" + frameOrigins) + "}";
    }
}
