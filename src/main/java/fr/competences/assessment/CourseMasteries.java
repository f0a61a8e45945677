package fr.competences.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A course's mastery of its skills, read the one way the progress pages and the gradebook's competency columns read
 * it: the course's activities, scale and {@link MasteryRule}, and each student's positionings of each skill across
 * the activities ({@link Mastery#ratings}), in a constant number of queries whatever the numbers of students and
 * activities.
 */
@ApplicationScoped
@Transactional
public class CourseMasteries {

    /** What a course's mastery is read from; {@code ratings}: by student, then skill code. */
    public record CourseMastery(List<ActivityView> activities, Scale scale, MasteryRule rule,
            Map<Long, Map<String, List<Mastery.Rating>>> ratings) {

        /** One student's positionings by skill code (empty when none). */
        public Map<String, List<Mastery.Rating>> of(long studentUserId) {
            return ratings.getOrDefault(studentUserId, Map.of());
        }
    }

    @Inject
    Activities activities;

    @Inject
    Scales scales;

    @Inject
    MasteryRules rules;

    @Inject
    Assessments assessments;

    /** {@code locale}: the reader's, naming the default levels ({@link Scale#in}). */
    public CourseMastery of(long courseId, Students students, Locale locale) {
        return of(courseId, activities.ofCourse(courseId), students, locale);
    }

    /** The same when the caller has already read the course's activities. */
    public CourseMastery of(long courseId, List<ActivityView> courseActivities, Students students, Locale locale) {
        Scale scale = scales.of(courseId).in(locale);
        return new CourseMastery(courseActivities, scale, rules.of(courseId), Mastery.ratings(courseActivities, scale,
                assessments.positionsOfCourse(courseId, students)));
    }
}
