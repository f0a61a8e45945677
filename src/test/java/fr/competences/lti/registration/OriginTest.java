package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void schemeHostAndPortWithDefaultPortsFilledIn() {
        assertThat(Origin.of("https://Moodle.Lycee.fr/moodle")).contains(new Origin("https", "moodle.lycee.fr", 443));
        assertThat(Origin.of("http://127.0.0.1:8081/x")).contains(new Origin("http", "127.0.0.1", 8081));
        assertThat(Origin.of("https://moodle.lycee.fr:443").orElseThrow().toString())
                .isEqualTo("https://moodle.lycee.fr");
        assertThat(Origin.of("ftp://moodle.lycee.fr")).isEmpty();
        assertThat(Origin.of("/relative")).isEmpty();
    }

    @Test
    void aUrlIsOnTheOriginOnlyWhenSchemeHostAndPortAllMatch() {
        Origin moodle = Origin.of("https://moodle.lycee.fr").orElseThrow();

        assertThat(moodle.contains(URI.create("https://moodle.lycee.fr/mod/lti/openid-registration.php"))).isTrue();
        assertThat(moodle.contains(URI.create("https://moodle.lycee.fr:8443/register"))).isFalse();
        assertThat(moodle.contains(URI.create("http://moodle.lycee.fr/register"))).isFalse();
        assertThat(moodle.contains(URI.create("https://evil.moodle.lycee.fr/register"))).isFalse();
    }

    @Test
    void parseTakesABareOriginOnly() {
        assertThat(Origin.parse("https://moodle.lycee.fr/")).isPresent();
        assertThat(Origin.parse("https://moodle.lycee.fr/moodle")).isEmpty();
        assertThat(Origin.parse("https://user@moodle.lycee.fr")).isEmpty();
        assertThat(Origin.parse("https://moodle.lycee.fr?x=1")).isEmpty();
        assertThat(Origin.parse("not a url")).isEmpty();
    }

    @Test
    void issuersAreHttpsExceptOnLoopback() {
        assertThat(HttpUrls.isIssuer("https://moodle.lycee.fr/moodle")).isTrue();
        assertThat(HttpUrls.isIssuer("http://localhost:8081")).isTrue();
        assertThat(HttpUrls.isIssuer("http://127.0.0.1:8081")).isTrue();
        assertThat(HttpUrls.isIssuer("http://[::1]:8081")).isTrue();
        assertThat(HttpUrls.isIssuer("http://moodle.lycee.fr")).isFalse();
        assertThat(HttpUrls.isIssuer("http://127.0.0.1.evil.test")).isFalse();
        assertThat(HttpUrls.isIssuer("moodle.lycee.fr")).isFalse();
        assertThat(HttpUrls.isIssuer("https://moodle.lycee.fr/?x=1")).isFalse();
        assertThat(HttpUrls.isIssuer("https://user:pw@moodle.lycee.fr")).isFalse();
    }
}
