package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PlatformConfigurationTest {

    static final URI SERVED_FROM = URI.create("https://moodle.lycee.fr/mod/lti/openid-configuration.php");

    @Test
    void readsMoodlesConfiguration() {
        PlatformConfiguration configuration = PlatformConfiguration.of(SERVED_FROM, moodle("https://moodle.lycee.fr"));

        assertThat(configuration.issuer()).isEqualTo("https://moodle.lycee.fr");
        assertThat(configuration.jwksUri()).isEqualTo("https://moodle.lycee.fr/mod/lti/certs.php");
        assertThat(configuration.registrationEndpoint())
                .isEqualTo(URI.create("https://moodle.lycee.fr/mod/lti/openid-registration.php"));
        assertThat(configuration.isMoodle()).isTrue();
    }

    @Test
    void refusesAnIssuerOfAnotherHost() {
        assertThatThrownBy(() -> PlatformConfiguration.of(SERVED_FROM, moodle("https://pirate.test")))
                .isInstanceOfSatisfying(LtiException.class,
                        e -> assertThat(e.error()).isEqualTo(LtiError.REGISTRATION_PLATFORM_FAILED))
                .hasMessageContaining("issuer");
    }

    @Test
    void refusesAMissingOrNonHttpEndpoint() {
        JsonObject noJwks = Json.createObjectBuilder(moodle("https://moodle.lycee.fr")).remove("jwks_uri").build();
        JsonObject ftp = Json.createObjectBuilder(moodle("https://moodle.lycee.fr"))
                .add("authorization_endpoint", "ftp://moodle.lycee.fr/auth").build();

        assertThatThrownBy(() -> PlatformConfiguration.of(SERVED_FROM, noJwks)).hasMessageContaining("jwks_uri");
        assertThatThrownBy(() -> PlatformConfiguration.of(SERVED_FROM, ftp))
                .hasMessageContaining("authorization_endpoint");
    }

    private static JsonObject moodle(String issuer) {
        String lti = "https://moodle.lycee.fr/mod/lti/";
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", lti + "auth.php")
                .add("token_endpoint", lti + "token.php")
                .add("jwks_uri", lti + "certs.php")
                .add("registration_endpoint", lti + "openid-registration.php")
                .add(PlatformConfiguration.PLATFORM_CONFIGURATION, Json.createObjectBuilder()
                        .add("product_family_code", "moodle")
                        .add("messages_supported", Json.createArrayBuilder().add("LtiResourceLinkRequest")))
                .build();
    }
}
