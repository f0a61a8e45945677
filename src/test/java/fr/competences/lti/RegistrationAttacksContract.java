package fr.competences.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Launch.User;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.RecordingServer;
import fr.competences.lti.platform.SigningKeys;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two attacks on dynamic registration found in issue 9, reproduced over real HTTP against the real jar: a server
 * on another port of the LMS's host taking over the LMS's registration, and a registration that makes the tool POST
 * to a loopback-only service. The test apps allow loopback (the test platform lives there), so what stops these is
 * the registration's own rules, not the outbound guard ({@link OutboundGuardIT} proves that one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistrationAttacksContract {

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
    void aServerOnAnotherPortOfTheLmsHostCannotTakeOverItsRegistration() {
        ToolRegistration registered = registerAndActivate();
        JsonObject before = Registrar.platformOf(app(), platform, registered);
        RSAKey attackerKey = SigningKeys.generate();
        try (RecordingServer impostor = RecordingServer.start()) {
            // Claims the LMS's issuer, keeps its login endpoint so that users notice nothing, swaps the keys, and
            // answers the registration with the LMS's real (public) client_id.
            impostor.answer("/jwks", 200, new JWKSet(attackerKey.toPublicJWK()).toString())
                    .answer("/openid-configuration", 200, configuration(platform.issuer(),
                            platform.authorizationEndpoint(), impostor.baseUrl() + "/jwks",
                            impostor.baseUrl() + "/register").toString())
                    .answer("/register", 200, Json.createObjectBuilder().add("client_id", registered.clientId())
                            .add(TOOL_CONFIGURATION, Json.createObjectBuilder()
                                    .add("deployment_id", registered.deploymentId())).build().toString());

            Page attempt = new Browser().get(registrationUrl(impostor.baseUrl() + "/openid-configuration",
                    "impostor-token"));

            assertThat(attempt.status()).as(attempt.body()).isBetween(400, 499);
            assertThat(impostor.received()).noneMatch(request -> request.method().equals("POST"));
            assertThat(Registrar.platformOf(app(), platform, registered)).isEqualTo(before);
            // The impostor still serves its keys: a launch it signs must be refused all the same.
            Page forged = new Browser().launch(platform, Launch.resourceLink(registered,
                    User.named("301", "Eve", "Attaquante"), Launch.INSTRUCTOR, "T1", "L1")
                    .forged((claims, keys) -> sign(claims, attackerKey)));
            assertThat(forged.status()).as(forged.body()).isEqualTo(401);
            Page genuine = new Browser().launch(platform, Launch.resourceLink(registered,
                    User.named("302", "Marie", "Curie"), Launch.INSTRUCTOR, "T1", "L1"));
            assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
        }
    }

    @Test
    void registrationNeverPostsToALoopbackServiceNamedByTheConfiguration() {
        try (RecordingServer loopbackAdmin = RecordingServer.start(); RecordingServer attacker = RecordingServer.start()) {
            loopbackAdmin.answer("/admin/reset", 200, "{}");
            attacker.answer("/openid-configuration", 200, configuration(attacker.baseUrl(),
                    attacker.baseUrl() + "/auth", attacker.baseUrl() + "/jwks",
                    loopbackAdmin.baseUrl() + "/admin/reset").toString());

            Page attempt = new Browser().get(registrationUrl(attacker.baseUrl() + "/openid-configuration",
                    "attacker-chosen-token"));

            assertThat(loopbackAdmin.received()).isEmpty();
            assertThat(attempt.status()).as(attempt.body()).isBetween(400, 499);
        }
    }

    /** The platform itself, re-registering with an existing client_id (Moodle: "update the tool"), changes nothing. */
    @Test
    void dynamicRegistrationNeverChangesAnExistingPlatform() {
        ToolRegistration registered = registerAndActivate();
        JsonObject before = Registrar.platformOf(app(), platform, registered);
        platform.answerNextRegistrationWith(registered.clientId());

        Page again = new Browser().get(URI.create(platform.registrationUrl(Registrar.registrationLink(app()))));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("est déjà enregistrée avec le client_id", registered.clientId(),
                "/api/admin/lti/platforms/");
        assertThat(Registrar.platformOf(app(), platform, registered)).isEqualTo(before);
    }

    /** A closed port, a service that is not HTTP, an HTTP error and a non-JSON answer all read the same. */
    @Test
    void aFailedReadSaysNothingAboutTheNetwork() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket notHttp = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
                RecordingServer http = RecordingServer.start()) {
            Thread.ofVirtual().start(() -> answerGarbage(notHttp));
            http.answer("/not-json", 200, "<html>").answer("/array", 200, "[]");
            List<String> targets = List.of("http://127.0.0.1:" + closedPort + "/x",
                    "http://127.0.0.1:" + notHttp.getLocalPort() + "/x", http.baseUrl() + "/missing",
                    http.baseUrl() + "/not-json", http.baseUrl() + "/array");

            List<Page> pages = targets.stream().map(url -> new Browser().get(registrationUrl(url, "t"))).toList();

            for (Page page : pages) {
                assertThat(page.status()).as(page.body()).isEqualTo(502);
                assertThat(errorBox(page)).isEqualTo(errorBox(pages.getFirst()))
                        .contains("L’outil n’a pas pu lire la configuration de la plateforme");
            }
        }
    }

    private static String errorBox(Page page) {
        return page.body().replaceAll("(?s).*<div class=\"error-box\"", "").replaceAll("(?s)</div>.*", "");
    }

    private static void answerGarbage(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }

    static JsonObject configuration(String issuer, String authorizationEndpoint, String jwksUri,
            String registrationEndpoint) {
        return Json.createObjectBuilder().add("issuer", issuer)
                .add("authorization_endpoint", authorizationEndpoint)
                .add("token_endpoint", issuer + "/token").add("jwks_uri", jwksUri)
                .add("registration_endpoint", registrationEndpoint)
                .add("https://purl.imsglobal.org/spec/lti-platform-configuration",
                        Json.createObjectBuilder().add("product_family_code", "moodle"))
                .build();
    }

    /** The attacker at its strongest: holding a valid registration link (leaked, or made for another platform). */
    URI registrationUrl(String configurationUrl, String registrationToken) {
        return URI.create(Registrar.registrationLink(app()) + "&openid_configuration="
                + URLEncoder.encode(configurationUrl, StandardCharsets.UTF_8) + "&registration_token="
                + registrationToken);
    }

    ToolRegistration registerAndActivate() {
        Page page = new Browser().get(URI.create(platform.registrationUrl(Registrar.registrationLink(app()))));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher clientId = Pattern.compile("client_id <code>([^<]+)</code>").matcher(page.body());
        assertThat(clientId.find()).isTrue();
        return platform.activate(clientId.group(1));
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
