package fr.competences.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A student's mastery of one skill from their positionings on it across a course's activities, as pure functions:
 * the one reading the gradebook's competency columns and the progress pages share.
 */
public final class Mastery {

    private Mastery() {
    }

    /** One positioning: the level (0..3) with its label and points in the course scale, in which activity, and when. */
    public record Rating(long activityId, String activityTitle, int level, String label, int points, OffsetDateTime at) {
    }

    /** Oldest first; two ratings set at the same instant keep the activities' order. */
    public static final Comparator<Rating> IN_TIME = Comparator.comparing(Rating::at).thenComparingLong(Rating::activityId);

    /** The mastery in scale points (2 decimals for {@link MasteryRule#AVERAGE}), empty when never positioned. */
    public static Optional<BigDecimal> points(MasteryRule rule, List<Rating> ratings) {
        if (ratings.isEmpty()) {
            return Optional.empty();
        }
        // loops rather than streams: a class grid computes this for every student and skill (18,900 cells for 300)
        Rating latest = ratings.getFirst();
        int highest = latest.points();
        int sum = 0;
        for (Rating rating : ratings) {
            if (IN_TIME.compare(rating, latest) > 0) {
                latest = rating;
            }
            highest = Math.max(highest, rating.points());
            sum += rating.points();
        }
        return Optional.of(switch (rule) {
            case LATEST -> BigDecimal.valueOf(latest.points());
            case HIGHEST -> BigDecimal.valueOf(highest);
            case AVERAGE -> BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
        });
    }

    /**
     * Each student's positionings by skill code, from {@link Assessments#positionsOfCourse}: only on skills their
     * activities still assess, with the scale's labels and points.
     */
    public static Map<Long, Map<String, List<Rating>>> ratings(List<ActivityView> course, Scale scale,
            List<CoursePosition> positions) {
        Map<Long, ActivityView> byId = course.stream().collect(Collectors.toMap(ActivityView::id, Function.identity()));
        // an activity's skill codes once, not per position (tens of thousands for a class of 300)
        Map<Long, Set<String>> assessed = course.stream().collect(Collectors.toMap(ActivityView::id,
                activity -> new HashSet<>(activity.skillCodes())));
        Map<Long, Map<String, List<Rating>>> ratings = new HashMap<>();
        for (CoursePosition position : positions) {
            ActivityView activity = byId.get(position.activityId());
            if (activity == null || !assessed.get(activity.id()).contains(position.code())
                    || !Scale.isLevel(position.level())) {
                continue;
            }
            ratings.computeIfAbsent(position.studentUserId(), id -> new HashMap<>())
                    .computeIfAbsent(position.code(), code -> new ArrayList<>())
                    .add(new Rating(activity.id(), activity.title(), position.level(),
                            scale.level(position.level()).label(), scale.points(position.level()), position.at()));
        }
        return ratings;
    }

    /** The level whose points the mastery is (the highest such level), else e.g. « 2,33 / 3 » (French decimals). */
    public static String label(Scale scale, BigDecimal points, Locale locale) {
        int maxPoints = scale.levels().stream().mapToInt(Scale.Level::points).max().orElse(0);
        return scale.levels().stream().filter(level -> BigDecimal.valueOf(level.points()).compareTo(points) == 0)
                .reduce((lower, higher) -> higher).map(Scale.Level::label)
                .orElseGet(() -> {
                    String number = points.stripTrailingZeros().toPlainString();
                    return ("en".equals(locale.getLanguage()) ? number : number.replace('.', ',')) + " / " + maxPoints;
                });
    }

    /** The highest level of the scale the mastery reaches (an average between two levels: the lower), if any. */
    public static Optional<Scale.Level> reached(Scale scale, BigDecimal points) {
        return scale.levels().stream().filter(level -> BigDecimal.valueOf(level.points()).compareTo(points) <= 0)
                .reduce((lower, higher) -> higher);
    }

    /** At or above the points of the scale's proficient level (« Acquis » by default). */
    public static boolean proficient(Scale scale, BigDecimal points) {
        return points.compareTo(BigDecimal.valueOf(scale.level(scale.proficientLevel()).points())) >= 0;
    }
}
