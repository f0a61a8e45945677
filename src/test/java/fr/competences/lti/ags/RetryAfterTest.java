package fr.competences.lti.ags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void secondsOrAnHttpDate() {
        assertThat(RetryAfter.parse(List.of("120"), NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(List.of(" 0 "), NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(List.of("Sat, 05 Dec 2026 10:00:30 GMT"), NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(List.of("Sat, 05 Dec 2026 09:00:00 GMT"), NOW)).as("in the past")
                .contains(Duration.ZERO);
    }

    @Test
    void boundedToAnHourAndIgnoredWhenUnreadable() {
        assertThat(RetryAfter.parse(List.of("86400"), NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse(List.of("99999999999999999999"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(List.of("-5"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(List.of("demain"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(List.of(""), NOW)).isEmpty();
        assertThat(RetryAfter.parse(List.of(), NOW)).isEmpty();
    }
}
