package fr.competences.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Registers test platforms in the running tool through the admin API, as an administrator would by hand. */
public final class Registrar {

    static final String ADMIN = "Bearer " + TestApp.ADMIN_TOKEN;

    private Registrar() {
    }

    /** Adds the tool on the platform (Moodle's "Configure a tool manually") and the platform in the tool. */
    public static ToolRegistration register(TestApp app, TestPlatform platform, String... deploymentIds) {
        ToolRegistration tool = platform.addTool(app.baseUrl(), deploymentIds);
        HttpResponse<String> created = admin(app, "POST", "/api/admin/lti/platforms", body(platform, tool, true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return tool;
    }

    /** A one-time registration link made by the administrator (POST /api/admin/lti/registration-links). */
    public static String registrationLink(TestApp app) {
        return registrationLink(app, null);
    }

    /** A link that serves only the platform of this origin (null: any). */
    public static String registrationLink(TestApp app, String allowedOrigin) {
        HttpResponse<String> created = admin(app, "POST", "/api/admin/lti/registration-links",
                allowedOrigin == null ? null : "{\"allowedOrigin\":\"" + allowedOrigin + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.object(created.body()).getString("url");
    }

    static String body(TestPlatform platform, ToolRegistration tool, boolean enabled) {
        return body(platform, tool, enabled, tool.deploymentIds());
    }

    /** The registration with only these deployments: the tool disables the others (never deletes them). */
    static String body(TestPlatform platform, ToolRegistration tool, boolean enabled, List<String> deploymentIds) {
        return jakarta.json.Json.createObjectBuilder()
                .add("issuer", platform.issuer()).add("clientId", tool.clientId()).add("name", "Moodle de test")
                .add("authorizationEndpoint", platform.authorizationEndpoint())
                .add("tokenEndpoint", platform.tokenEndpoint()).add("jwksUri", platform.jwksUri())
                .add("deploymentIds", jakarta.json.Json.createArrayBuilder(deploymentIds))
                .add("enabled", enabled).build().toString();
    }

    static JsonObject platformOf(TestApp app, TestPlatform platform, ToolRegistration tool) {
        List<JsonObject> all = Json.array(admin(app, "GET", "/api/admin/lti/platforms", null).body())
                .getValuesAs(JsonObject.class);
        return all.stream().filter(p -> p.getString("issuer").equals(platform.issuer())
                && p.getString("clientId").equals(tool.clientId())).findFirst().orElseThrow();
    }

    public static HttpResponse<String> admin(TestApp app, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).header("Authorization", ADMIN)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return app.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
