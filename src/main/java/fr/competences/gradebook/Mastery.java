package fr.competences.gradebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A student's mastery of one skill from their positionings on it across activities, as a pure function. */
final class Mastery {

    private Mastery() {
    }

    /** One positioning: the level's points in the course scale, in which activity, and when it was set. */
    record Rating(long activityId, String activityTitle, String level, int points, OffsetDateTime at) {
    }

    /** Oldest first; two ratings set at the same instant keep the activities' order. */
    static final Comparator<Rating> IN_TIME = Comparator.comparing(Rating::at).thenComparingLong(Rating::activityId);

    /** The mastery in scale points (2 decimals for {@link MasteryRule#AVERAGE}), empty when never positioned. */
    static Optional<BigDecimal> points(MasteryRule rule, List<Rating> ratings) {
        if (ratings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (rule) {
            case LATEST -> BigDecimal.valueOf(ratings.stream().max(IN_TIME).orElseThrow().points());
            case HIGHEST -> BigDecimal.valueOf(ratings.stream().mapToInt(Rating::points).max().orElseThrow());
            case AVERAGE -> BigDecimal.valueOf(ratings.stream().mapToInt(Rating::points).sum())
                    .divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
        });
    }
}
