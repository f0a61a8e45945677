package fr.competences.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Launch.User;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * LTI Dynamic Registration end to end with a Moodle-like platform: "Add LTI Advantage" opens the tool's
 * registration URL, the tool registers, Moodle keeps it Pending until its admin activates it, then teachers and
 * students launch it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DynamicRegistrationContract {

    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

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
    void moodleRegistersTheToolThenTeachersAndStudentsLaunchIt() {
        Browser admin = new Browser();
        Page page = admin.get(URI.create(platform.registrationUrl(app().baseUrl() + "/lti/register")));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Outil enregistré", platform.issuer(), "« En attente »", "lti-register.js");
        assertThat(admin.get(URI.create(app().baseUrl() + "/assets/lti-register.js")).body())
                .contains("org.imsglobal.lti.close", "window.opener || window.parent");
        JsonObject sent = platform.lastRegistration();
        String base = app().baseUrl();
        assertThat(sent.getString("initiate_login_uri")).isEqualTo(base + "/lti/login");
        assertThat(sent.getJsonArray("redirect_uris").getString(0)).isEqualTo(base + "/lti/launch");
        assertThat(sent.getString("jwks_uri")).isEqualTo(base + "/lti/jwks");
        assertThat(sent.getString("scope")).contains("lti-ags/scope/lineitem", "lti-ags/scope/score",
                "lti-nrps/scope/contextmembership.readonly");
        JsonObject tool = sent.getJsonObject(TOOL_CONFIGURATION);
        assertThat(tool.getString("domain")).isEqualTo(URI.create(base).getAuthority());
        assertThat(tool.getJsonArray("messages").toString()).contains("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
        assertThat(tool.getJsonArray("claims").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .contains("sub", "name").doesNotContain("email"); // the tool has no use for e-mail addresses

        ToolRegistration registered = platform.activate(onlyPendingClientId(page));
        Page teacher = new Browser().launch(platform, Launch.resourceLink(registered,
                User.named("201", "Marie", "Curie"), Launch.INSTRUCTOR, "D1", "L1"));
        Page student = new Browser().launch(platform, Launch.resourceLink(registered,
                User.named("202", "Pierre", "Curie"), Launch.LEARNER, "D1", "L1"));

        assertThat(teacher.status()).as(teacher.body()).isEqualTo(200);
        assertThat(teacher.body()).contains("Marie Curie");
        assertThat(student.status()).as(student.body()).isEqualTo(200);
        assertThat(student.body()).contains("Pierre Curie", "Activité L1");
        JsonObject stored = Registrar.platformOf(app(), platform, registered);
        assertThat(stored.getString("registeredBy")).isEqualTo("DYNAMIC");
        assertThat(stored.getJsonArray("deploymentIds").getString(0)).isEqualTo(registered.deploymentId());
    }

    @Test
    void aRegistrationTokenServesOnce() {
        String url = platform.registrationUrl(app().baseUrl() + "/lti/register");
        assertThat(new Browser().get(URI.create(url)).status()).isEqualTo(200);

        Page again = new Browser().get(URI.create(url));

        assertThat(again.status()).isEqualTo(502);
        assertThat(again.body()).contains("La plateforme n’a pas accepté l’enregistrement", "HTTP 401");
    }

    @Test
    void registrationNeedsTheOpenIdConfiguration() {
        Page page = new Browser().get(URI.create(app().baseUrl() + "/lti/register"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("openid_configuration", "Ajouter LTI Advantage");
    }

    /** The registration page shows the client_id Moodle assigned. */
    private static String onlyPendingClientId(Page page) {
        java.util.regex.Matcher clientId = java.util.regex.Pattern.compile("client_id <code>([^<]+)</code>")
                .matcher(page.body());
        assertThat(clientId.find()).isTrue();
        return clientId.group(1);
    }
}
