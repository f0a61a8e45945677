package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    @Test
    void unsetMeansAnyOrigin() {
        assertThat(AllowedOrigins.parse(null).allows(origin("https://moodle.lycee.fr"))).isTrue();
        assertThat(AllowedOrigins.parse(" ").allows(origin("https://moodle.lycee.fr"))).isTrue();
    }

    @Test
    void comparesWholeOrigins() {
        AllowedOrigins allowed = AllowedOrigins.parse("https://moodle.lycee.fr, HTTPS://Moodle.Autre.fr:8443/");

        assertThat(allowed.allows(origin("https://moodle.lycee.fr/mod/lti/openid-configuration.php"))).isTrue();
        assertThat(allowed.allows(origin("https://moodle.lycee.fr:443/x"))).isTrue();
        assertThat(allowed.allows(origin("https://MOODLE.AUTRE.FR:8443/x"))).isTrue();
        assertThat(allowed.allows(origin("https://moodle.lycee.fr:8443/x"))).as("another port").isFalse();
        assertThat(allowed.allows(origin("http://moodle.lycee.fr/x"))).as("another scheme").isFalse();
        assertThat(allowed.allows(origin("https://moodle.autre.fr/x"))).isFalse();
    }

    @Test
    void aPlainHostNameStillWorksAndMeansHttpsOnItsDefaultPort() {
        AllowedOrigins allowed = AllowedOrigins.parse("moodle.lycee.fr, moodle.autre.fr:8443");

        assertThat(allowed.allows(origin("https://moodle.lycee.fr/x"))).isTrue();
        assertThat(allowed.allows(origin("https://moodle.autre.fr:8443/x"))).isTrue();
        assertThat(allowed.allows(origin("https://moodle.lycee.fr:8081/x"))).as("another port of the host").isFalse();
        assertThat(allowed.allows(origin("http://moodle.lycee.fr/x"))).isFalse();
    }

    @Test
    void anEntryThatIsNotAnOriginAllowsNothing() {
        AllowedOrigins allowed = AllowedOrigins.parse("https://moodle.lycee.fr/some/path?x");

        assertThat(allowed.allows(origin("https://moodle.lycee.fr/x"))).isFalse();
    }

    private static Origin origin(String url) {
        return Origin.of(URI.create(url)).orElseThrow();
    }
}
