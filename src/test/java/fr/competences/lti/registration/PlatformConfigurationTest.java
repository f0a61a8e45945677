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

    static final Origin SERVED_FROM = Origin.of("https://moodle.lycee.fr/mod/lti/openid-configuration.php").orElseThrow();

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
    void refusesAnIssuerOfAnotherOrigin() {
        for (String foreign : new String[] {"https://pirate.test", "https://moodle.lycee.fr:8443",
                "https://evil.moodle.lycee.fr"}) {
            assertThatThrownBy(() -> PlatformConfiguration.of(SERVED_FROM, moodle(foreign)))
                    .isInstanceOfSatisfying(LtiException.class,
                            e -> assertThat(e.error()).isEqualTo(LtiError.REGISTRATION_ISSUER_FOREIGN));
        }
    }

    @Test
    void refusesAnIssuerThatIsNotHttps() {
        Origin plain = Origin.of("http://moodle.lycee.fr").orElseThrow();

        assertThatThrownBy(() -> PlatformConfiguration.of(plain, moodle("http://moodle.lycee.fr")))
                .isInstanceOfSatisfying(LtiException.class,
                        e -> assertThat(e.error()).isEqualTo(LtiError.REGISTRATION_ISSUER_INVALID));
    }

    @Test
    void refusesARegistrationEndpointOutsideTheOrigin() {
        for (String endpoint : new String[] {"http://127.0.0.1:9000/admin", "https://moodle.lycee.fr:8443/register",
                "https://other.test/register"}) {
            JsonObject json = Json.createObjectBuilder(moodle("https://moodle.lycee.fr"))
                    .add("registration_endpoint", endpoint).build();

            assertThatThrownBy(() -> PlatformConfiguration.of(SERVED_FROM, json))
                    .isInstanceOfSatisfying(LtiException.class,
                            e -> assertThat(e.error()).isEqualTo(LtiError.REGISTRATION_ENDPOINT_FOREIGN));
        }
    }

    @Test
    void aMissingOrNonHttpEndpointIsAnUnreadableConfiguration() {
        JsonObject noJwks = Json.createObjectBuilder(moodle("https://moodle.lycee.fr")).remove("jwks_uri").build();
        JsonObject ftp = Json.createObjectBuilder(moodle("https://moodle.lycee.fr"))
                .add("authorization_endpoint", "ftp://moodle.lycee.fr/auth").build();

        for (JsonObject json : new JsonObject[] {noJwks, ftp}) {
            assertThatThrownBy(() -> PlatformConfiguration.of(SERVED_FROM, json))
                    .isInstanceOfSatisfying(LtiException.class, e -> assertThat(e.error())
                            .isEqualTo(LtiError.REGISTRATION_CONFIGURATION_UNREADABLE));
        }
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
