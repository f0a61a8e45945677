package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MasteryTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    static Mastery.Rating rating(long activity, int points, int minutesAfter) {
        return new Mastery.Rating(activity, "TP" + activity, points, "niveau " + points, points, T0.plusMinutes(minutesAfter));
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

    @Test
    void ratingsKeepOnlySkillsTheActivitiesStillAssessWithTheScalesLabels() {
        ActivityView tp = new ActivityView(7, 1, "bts", "TP", null, 20,
                List.of(new ActivityView.Skill("B2.1", "Concevoir", null, 1)), 0);
        var ratings = Mastery.ratings(List.of(tp), Scale.DEFAULT, List.of(
                new CoursePosition(42, 7, "B2.1", 2, T0),
                new CoursePosition(42, 7, "B2.9", 3, T0), // no longer assessed by the activity
                new CoursePosition(42, 8, "B2.1", 3, T0))); // an activity of another course
        assertThat(ratings).containsOnlyKeys(42L);
        assertThat(ratings.get(42L)).containsOnlyKeys("B2.1");
        assertThat(ratings.get(42L).get("B2.1")).containsExactly(new Mastery.Rating(7, "TP", 2, "Acquis", 2, T0));
    }

    @Test
    void aMasteryReadsAsALevelOrInPointsAndIsProficientFromTheThreshold() {
        assertThat(Mastery.label(Scale.DEFAULT, BigDecimal.TWO, Locale.FRENCH)).isEqualTo("Acquis");
        assertThat(Mastery.label(Scale.DEFAULT, new BigDecimal("2.50"), Locale.FRENCH)).isEqualTo("2,5 / 3");
        assertThat(Mastery.label(Scale.DEFAULT, new BigDecimal("2.50"), Locale.ENGLISH)).isEqualTo("2.5 / 3");
        assertThat(Mastery.reached(Scale.DEFAULT, new BigDecimal("1.67"))).get().extracting(Scale.Level::value)
                .isEqualTo(1);
        assertThat(Mastery.proficient(Scale.DEFAULT, new BigDecimal("1.99"))).isFalse();
        assertThat(Mastery.proficient(Scale.DEFAULT, BigDecimal.TWO)).isTrue();
    }
}
