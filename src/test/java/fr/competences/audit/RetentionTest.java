package fr.competences.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetentionTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 31, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aCalendarPeriodCountsInTheCalendar() {
        assertThat(Retention.parse("P1Y").cutoff(NOW)).isEqualTo("2025-03-31T10:00:00Z");
        assertThat(Retention.parse("p1m").cutoff(NOW)).as("no 31 February: the last day").isEqualTo("2026-02-28T10:00:00Z");
        assertThat(Retention.parse(" P90D ").cutoff(NOW)).isEqualTo("2025-12-31T10:00:00Z");
    }

    @Test
    void aDurationCountsInHours() {
        assertThat(Retention.parse("PT36H").cutoff(NOW)).isEqualTo("2026-03-29T22:00:00Z");
    }

    @Test
    void nothingThatWouldEmptyTheLogOrCannotBeReadIsAccepted() {
        for (String refused : new String[] {"", "1Y", "P0D", "PT0S", "P-1Y", "one year", null}) {
            assertThatThrownBy(() -> Retention.parse(refused)).as(String.valueOf(refused))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUDIT_RETENTION");
        }
    }
}
