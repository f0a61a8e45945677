package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may frame the tool: the enabled platforms' issuer origins and the origins their administrator added. */
class FrameAncestorsTest {

    @Test
    void enabledPlatformsIssuerOriginsAndAddedOriginsOnceEach() {
        String sources = FrameAncestors.of(List.of(
                platform("https://moodle.lycee.fr", true, List.of("https://www.lycee.fr")),
                platform("https://moodle.lycee.fr", true, List.of()),
                platform("http://127.0.0.1:8081", true, List.of()),
                platform("https://ancien.lycee.fr", false, List.of("https://ent.lycee.fr"))));

        assertThat(sources).isEqualTo("'self' http://127.0.0.1:8081 https://moodle.lycee.fr https://www.lycee.fr");
    }

    @Test
    void anOriginIsSchemeHostAndPortOnlyWhenItIsNotTheDefault() {
        assertThat(Origins.of("https://Moodle.Lycee.fr:443/moodle")).hasValue("https://moodle.lycee.fr");
        assertThat(Origins.of("http://moodle.lycee.fr:80")).hasValue("http://moodle.lycee.fr");
        assertThat(Origins.of("https://moodle.lycee.fr:8443")).hasValue("https://moodle.lycee.fr:8443");
        assertThat(Origins.of("moodle.lycee.fr")).isEmpty();
        assertThat(Origins.parseExact("https://www.lycee.fr/")).hasValue("https://www.lycee.fr");
        assertThat(Origins.parseExact("https://www.lycee.fr/moodle")).as("a path").isEmpty();
        assertThat(Origins.parseExact("https://user@www.lycee.fr")).isEmpty();
        assertThat(Origins.parseExact("*")).isEmpty();
        assertThat(Origins.parseExact("javascript:alert(1)")).isEmpty();
    }

    private static RegisteredPlatform platform(String issuer, boolean enabled, List<String> frameOrigins) {
        return new RegisteredPlatform(1, issuer, "client", "Moodle", issuer + "/auth", null, issuer + "/jwks", enabled,
                Platform.RegisteredBy.ADMIN, Map.of("1", 10L), frameOrigins);
    }
}
