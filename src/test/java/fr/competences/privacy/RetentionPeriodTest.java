package fr.competences.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T10:00:00+01:00");

    @Test
    void unsetKeepsEverything() {
        assertThat(RetentionPeriod.parse(null)).isEmpty();
        assertThat(RetentionPeriod.parse("  ")).isEmpty();
    }

    @Test
    void yearsAndMonthsCountFromNowInUtc() {
        RetentionPeriod threeYears = RetentionPeriod.parse("P3Y").orElseThrow();
        assertThat(threeYears.cutoff(NOW)).isEqualTo(OffsetDateTime.parse("2023-12-01T09:00:00Z"));
        assertThat(RetentionPeriod.parse("p18m").orElseThrow().cutoff(NOW))
                .isEqualTo(OffsetDateTime.parse("2025-06-01T09:00:00Z"));
    }

    @Test
    void aDurationIsAcceptedForTrials() {
        assertThat(RetentionPeriod.parse("PT10M").orElseThrow().cutoff(NOW))
                .isEqualTo(OffsetDateTime.parse("2026-12-01T08:50:00Z"));
    }

    @Test
    void aValueThatIsNoPositivePeriodIsRefusedWithTheSettingsName() {
        for (String wrong : new String[] {"3 ans", "P0Y", "P-1Y", "PT0S", "-PT5M", "3Y"}) {
            assertThatThrownBy(() -> RetentionPeriod.parse(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RETENTION_AFTER_COURSE_END");
        }
    }

    @Test
    void describedForPeople() {
        assertThat(RetentionPeriod.parse("P3Y").orElseThrow().describe(false)).isEqualTo("3 ans");
        assertThat(RetentionPeriod.parse("P1Y6M").orElseThrow().describe(false)).isEqualTo("1 an et 6 mois");
        assertThat(RetentionPeriod.parse("P1Y6M").orElseThrow().describe(true)).isEqualTo("1 year and 6 months");
        assertThat(RetentionPeriod.parse("P2Y1M3D").orElseThrow().describe(true))
                .isEqualTo("2 years, 1 month and 3 days");
    }
}
