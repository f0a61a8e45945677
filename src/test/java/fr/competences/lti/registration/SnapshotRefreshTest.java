package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnapshotRefreshTest {

    @Test
    void readsAnIsoDuration() {
        assertThat(SnapshotRefresh.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(SnapshotRefresh.parse(" PT0.5S ")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void keepsTheDefaultForAnUnreadableOrNonPositiveValue() {
        assertThat(SnapshotRefresh.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SnapshotRefresh.parse("PT0S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SnapshotRefresh.parse("-PT5S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SnapshotRefresh.parse(null)).isEqualTo(Duration.ofSeconds(30));
    }
}
