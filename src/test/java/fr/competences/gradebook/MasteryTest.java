package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasteryTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    static Mastery.Rating rating(long activity, int points, int minutesAfter) {
        return new Mastery.Rating(activity, "TP" + activity, "niveau " + points, points, T0.plusMinutes(minutesAfter));
    }

    @Test
    void latestIsTheMostRecentPositioningWhateverTheActivitiesOrder() {
        List<Mastery.Rating> ratings = List.of(rating(1, 3, 0), rating(2, 1, 30), rating(3, 2, 10));
        assertThat(Mastery.points(MasteryRule.LATEST, ratings)).contains(BigDecimal.ONE);
        // the same instant: the later activity wins, so the answer never depends on the query's order
        assertThat(Mastery.points(MasteryRule.LATEST, List.of(rating(5, 2, 0), rating(4, 0, 0)))).contains(BigDecimal.TWO);
    }

    @Test
    void highestAndAverage() {
        List<Mastery.Rating> ratings = List.of(rating(1, 3, 0), rating(2, 1, 30), rating(3, 1, 10));
        assertThat(Mastery.points(MasteryRule.HIGHEST, ratings)).contains(BigDecimal.valueOf(3));
        assertThat(Mastery.points(MasteryRule.AVERAGE, ratings)).contains(new BigDecimal("1.67"));
    }

    @Test
    void noMasteryWithoutPositioning() {
        for (MasteryRule rule : MasteryRule.values()) {
            assertThat(Mastery.points(rule, List.of())).as(rule.name()).isEmpty();
        }
    }
}
