package fr.competences.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Launch.User;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.RecordingServer;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbound guard in the real jar, configured as in production: loopback refused. Registration is open here
 * ({@code LTI_REGISTRATION_OPEN=true}) so that nothing but the guard stands between an anonymous visitor and a
 * loopback-only service. Storage plays no part: H2 only, on an application of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundGuardIT {

    TestApp app;
    TestPlatform platform;

    @BeforeAll
    void start() {
        app = TestApp.start("app-outbound-guard", Map.of("LTI_REGISTRATION_OPEN", "true",
                "LTI_OUTBOUND_ALLOW_LOOPBACK", "false"));
        platform = TestPlatform.start();
    }

    @AfterAll
    void stop() {
        platform.close();
        app.close();
    }

    @Test
    void anOpenRegistrationReachesNoLoopbackService() {
        try (RecordingServer loopbackAdmin = RecordingServer.start()) {
            loopbackAdmin.answer("/openid-configuration", 200, RegistrationAttacksContract.configuration(
                    loopbackAdmin.baseUrl(), loopbackAdmin.baseUrl() + "/auth", loopbackAdmin.baseUrl() + "/jwks",
                    loopbackAdmin.baseUrl() + "/admin/reset").toString());

            Page attempt = new Browser().get(URI.create(app.baseUrl() + "/lti/register?openid_configuration="
                    + URLEncoder.encode(loopbackAdmin.baseUrl() + "/openid-configuration", StandardCharsets.UTF_8)
                    + "&registration_token=attacker-chosen-token"));

            assertThat(loopbackAdmin.received()).isEmpty();
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(502);
            assertThat(attempt.body()).contains("L’outil n’a pas pu lire la configuration de la plateforme")
                    .doesNotContain("127.0.0.1", "Connect", "bouclage", "loopback");
        }
    }

    @Test
    void platformKeysAreNeverFetchedFromLoopback() {
        ToolRegistration tool = Registrar.register(app, platform);

        Page launch = new Browser().launch(platform, Launch.resourceLink(tool, User.named("401", "Ada", "Lovelace"),
                Launch.INSTRUCTOR, "G1", "L1"));

        assertThat(launch.status()).as(launch.body()).isEqualTo(401);
        assertThat(launch.body()).contains("Les clés de la plateforme n’ont pas pu être lues", "bouclage");
        assertThat(platform.jwksFetches()).isZero();
    }
}
