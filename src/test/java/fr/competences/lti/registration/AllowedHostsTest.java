package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    @Test
    void unsetMeansAnyHost() {
        assertThat(AllowedHosts.parse(null).allows("moodle.lycee.fr")).isTrue();
        assertThat(AllowedHosts.parse(" ").allows("moodle.lycee.fr")).isTrue();
    }

    @Test
    void onlyListedHostsWhenSet() {
        AllowedHosts hosts = AllowedHosts.parse("moodle.lycee.fr, Moodle.Autre.fr");

        assertThat(hosts.allows("moodle.lycee.fr")).isTrue();
        assertThat(hosts.allows("MOODLE.AUTRE.FR")).isTrue();
        assertThat(hosts.allows("169.254.169.254")).isFalse();
        assertThat(hosts.allows(null)).isFalse();
    }
}
