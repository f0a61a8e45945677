package fr.competences.gradebook;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Assessments;
import fr.competences.assessment.GradingChanged;
import fr.competences.assessment.PositionsChanged;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.assessment.SheetView;
import fr.competences.gradebook.columns.CompetencyColumns;
import fr.competences.gradebook.outbox.ScoreOutbox;
import fr.competences.gradebook.outbox.WaitingActivities;
import fr.competences.gradebook.rules.CourseGrading;
import fr.competences.gradebook.rules.Grade;
import fr.competences.gradebook.rules.GradeRule;
import fr.competences.gradebook.rules.GradeRules;
import fr.competences.gradebook.rules.Outcomes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns positions into scores in the outbox, activity grades and competency columns: on every {@link PositionsChanged}
 * and {@link GradingChanged} (inside the transaction of the change, so both commit together), and when a teacher
 * asks for a resync or changes the course's rule. The course's scale and rule are read once; then a few queries per
 * activity whatever the number of students.
 */
@ApplicationScoped
public class Gradebook {

    @Inject
    Activities activities;

    @Inject
    Scales scales;

    @Inject
    Assessments assessments;

    @Inject
    CourseGrading grading;

    @Inject
    ScoreOutbox outbox;

    @Inject
    CompetencyColumns columns;

    @Inject
    WaitingActivities waiting;

    void positionsChanged(@Observes PositionsChanged changed) {
        Optional<Set<Long>> students = Optional.of(changed.studentUserIds());
        activities.find(changed.courseId(), changed.activityId()).ifPresent(activity -> sync(activity,
                scales.of(changed.courseId()), grading.rule(changed.courseId()), students, false));
        columns.sync(changed.courseId(), students, false, false);
    }

    /** The scale or an activity's skills changed: the grades that change are sent (in the change's transaction). */
    void gradingChanged(@Observes GradingChanged changed) {
        resync(changed.courseId(), changed.activityId(), false);
        if (changed.activityId() != null) { // its skills may add or remove competency columns
            columns.sync(changed.courseId(), Optional.empty(), false, true);
        }
    }

    /**
     * Computes again the grades of a course (or one of its activities) and sends them; {@code force} sends even
     * those the gradebook already has (the teacher's resync). The whole course's includes its competency columns.
     */
    @Transactional
    public int resync(long courseId, Long activityId, boolean force) {
        List<ActivityView> targets = activityId != null ? activities.find(courseId, activityId).stream().toList()
                : activities.ofCourse(courseId);
        Scale scale = scales.of(courseId);
        GradeRule rule = grading.rule(courseId);
        int queued = 0;
        for (ActivityView activity : targets) {
            queued += sync(activity, scale, rule, Optional.empty(), force);
        }
        if (activityId == null) {
            queued += columns.sync(courseId, Optional.empty(), force, true);
        }
        return queued;
    }

    /**
     * {@code changed}: the students whose positions changed; empty = every student with positions or a score. An
     * activity no link opens yet (deep-linked, not opened in the platform) waits for its gradebook column, shown so.
     */
    private int sync(ActivityView activity, Scale scale, GradeRule rule, Optional<Set<Long>> changed, boolean force) {
        if (changed.map(Set::isEmpty).orElse(false)) {
            return 0;
        }
        List<Long> links = activities.links(activity.id()); // each link has its own gradebook column
        Map<Long, SheetView> sheets = assessments.sheets(activity.courseId(), activity.id());
        if (links.isEmpty()) {
            if (!sheets.isEmpty()) {
                waiting.waitFor(activity.courseId(), activity.id());
            }
            return 0;
        }
        if (changed.isEmpty()) {
            waiting.resolved(activity.id());
        }
        Set<Long> students = changed.orElseGet(() -> {
            Set<Long> all = new HashSet<>(outbox.studentsOf(activity.id()));
            all.addAll(sheets.keySet());
            return all;
        });
        Map<Long, Optional<Grade>> grades = new HashMap<>();
        for (long student : students) {
            grades.put(student, GradeRules.grade(rule, Outcomes.of(activity, scale, sheets.get(student))));
        }
        BigDecimal maximum = BigDecimal.valueOf(activity.scoreMaximum());
        int queued = 0;
        for (long link : links) {
            queued += outbox.enqueue(activity.courseId(), activity.id(), link, maximum, grades, force);
        }
        return queued;
    }
}
