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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        String link = Registrar.registrationLink(app());
        assertThat(link).startsWith(app().baseUrl() + "/lti/register?link=");
        Page page = admin.get(URI.create(platform.registrationUrl(link)));

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
    void aRegistrationLinkServesOnce() {
        String link = Registrar.registrationLink(app());
        assertThat(new Browser().get(URI.create(platform.registrationUrl(link))).status()).isEqualTo(200);
        int fetches = platform.configurationFetches();

        Page again = new Browser().get(URI.create(platform.registrationUrl(link)));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("Ce lien d’enregistrement a déjà servi", platform.issuer());
        assertThat(platform.configurationFetches()).as("nothing fetched").isEqualTo(fetches);
    }

    /** Moodle's registration token serves once; a refused registration leaves the tool's link for the next try. */
    @Test
    void aFailedRegistrationLeavesTheLinkForTheNextTry() {
        String usedToken = platform.registrationUrl(Registrar.registrationLink(app()));
        assertThat(new Browser().get(URI.create(usedToken)).status()).isEqualTo(200);
        String link = Registrar.registrationLink(app());
        String replayed = link + usedToken.substring(usedToken.indexOf('?')).replace('?', '&');

        Page refused = new Browser().get(URI.create(replayed));
        Page retried = new Browser().get(URI.create(platform.registrationUrl(link)));

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body()).contains("La plateforme n’a pas accepté l’enregistrement", "HTTP 401");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.body()).contains("Outil enregistré");
    }

    @Test
    void withoutALinkNothingIsFetchedAndThePageSaysWhatToAskFor() {
        int fetches = platform.configurationFetches();
        String withoutLink = platform.registrationUrl(app().baseUrl() + "/lti/register");

        Page french = new Browser().get(URI.create(withoutLink));
        Page english = new Browser().inEnglish().get(URI.create(withoutLink));
        Page unknown = new Browser().get(URI.create(platform.registrationUrl(app().baseUrl()
                + "/lti/register?link=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));

        assertThat(french.status()).isEqualTo(403);
        assertThat(french.body()).contains("lien d’enregistrement à usage unique",
                "Demandez à l’administrateur de Compétences LTI", "Ajouter LTI Advantage");
        assertThat(english.status()).isEqualTo(403);
        assertThat(english.body()).contains("single-use registration link",
                "Ask the administrator of Compétences LTI");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.body()).contains("Ce lien d’enregistrement n’est pas valable");
        assertThat(platform.configurationFetches()).as("nothing fetched").isEqualTo(fetches);
    }

    @Test
    void aLinkForOnePlatformServesNoOther() {
        int fetches = platform.configurationFetches();
        String forAnother = Registrar.registrationLink(app(), "https://moodle.autre-lycee.fr");

        Page refused = new Browser().get(URI.create(platform.registrationUrl(forAnother)));
        Page accepted = new Browser().get(URI.create(platform.registrationUrl(
                Registrar.registrationLink(app(), platform.issuer()))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("réservé à la plateforme https://moodle.autre-lycee.fr");
        assertThat(platform.configurationFetches()).isEqualTo(fetches + 1);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void onlyTheAdministratorMakesLinksAndABadRequestIsAProblemNotAnError() {
        HttpResponse<String> anonymous = app().send(HttpRequest.newBuilder(
                app().uri("/api/admin/lti/registration-links")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        for (String body : new String[] {"{", "null", "[]", "123", "{\"allowedOrigin\":42}",
                "{\"allowedOrigin\":\"http://moodle.lycee.fr\"}", "{\"allowedOrigin\":\"https://moodle.lycee.fr/x\"}"}) {
            HttpResponse<String> refused = Registrar.admin(app(), "POST", "/api/admin/lti/registration-links", body);
            assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> made = Registrar.admin(app(), "POST", "/api/admin/lti/registration-links",
                "{\"allowedOrigin\":\"https://moodle.lycee.fr\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        JsonObject link = fr.competences.it.Json.object(made.body());
        assertThat(link.getString("url")).matches(java.util.regex.Pattern.quote(app().baseUrl())
                + "/lti/register\\?link=[A-Za-z0-9_-]{43}");
        assertThat(java.time.Instant.parse(link.getString("expiresAt")))
                .isBetween(java.time.Instant.now().plus(java.time.Duration.ofHours(23)),
                        java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
    }

    @Test
    void registrationNeedsTheOpenIdConfiguration() {
        Page page = new Browser().get(URI.create(Registrar.registrationLink(app())));

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
