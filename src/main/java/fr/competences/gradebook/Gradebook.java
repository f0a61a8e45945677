package fr.competences.gradebook;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Assessments;
import fr.competences.assessment.GradingChanged;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.PositionsChanged;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.assessment.SheetView;
import fr.competences.assessment.Students;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.gradebook.columns.CompetencyColumns;
import fr.competences.gradebook.outbox.Resend;
import fr.competences.gradebook.outbox.ScoreOutbox;
import fr.competences.gradebook.rules.ColumnMode;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gradebook's application service, the one the teacher's page and the JSON API both call: turns positions into
 * scores in the outbox, activity grades and competency columns, on every {@link PositionsChanged} and
 * {@link GradingChanged} (inside the transaction of the change, so both commit together), when a teacher asks for a
 * resync, and when they choose the course's grade rule or competency columns. The course's scale and rule are read
 * once; then a few queries per activity whatever the number of students.
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

    /** A grade rule chosen, and how many grades it put in the outbox. */
    public record RuleChosen(GradeRule rule, int queued) {
    }

    /** Competency columns chosen, and how many grades they put in the outbox. */
    public record ColumnsChosen(ColumnMode mode, MasteryRule mastery, int queued) {
    }

    @Inject
    WaitingActivities waiting;

    void positionsChanged(@Observes PositionsChanged changed) {
        Students students = Students.only(changed.studentUserIds());
        activities.find(changed.courseId(), changed.activityId()).ifPresent(activity -> sync(activity,
                scales.of(changed.courseId()), grading.rule(changed.courseId()), students, Resend.CHANGED));
        columns.positionsChanged(changed.courseId(), students);
    }

    /** The scale or an activity's skills changed: the grades that change are sent (in the change's transaction). */
    void gradingChanged(@Observes GradingChanged changed) {
        if (changed.activityId() == null) {
            resyncCourse(changed.courseId(), Resend.CHANGED);
        } else {
            resyncActivity(changed.courseId(), changed.activityId(), Resend.CHANGED);
            columns.reconcile(changed.courseId(), Resend.CHANGED); // its skills may add or remove columns
        }
    }

    /**
     * The teacher's choice of the course's grade rule ({@code rule}: a {@link GradeRule} name, else 400), the same from
     * the page and the API; the grades that change are sent.
     */
    @Transactional
    public RuleChosen chooseRule(long courseId, String rule, long teacherUserId) {
        GradeRule chosen = choice(GradeRule.class, rule, "grade-rule");
        int queued = grading.choose(courseId, chosen, teacherUserId) ? resyncCourse(courseId, Resend.CHANGED) : 0;
        return new RuleChosen(chosen, queued);
    }

    /**
     * The teacher's choice of competency columns ({@code mode}: a {@link ColumnMode} name, else 400) and of how mastery
     * is read ({@code mastery}: a {@link MasteryRule} name, {@link MasteryRule#LATEST} when absent); the columns are
     * then created, renamed or retired on the platform and their grades sent.
     */
    @Transactional
    public ColumnsChosen chooseColumns(long courseId, String mode, String mastery, long teacherUserId) {
        ColumnMode chosenMode = choice(ColumnMode.class, mode, "columns-mode");
        MasteryRule chosenMastery = mastery == null ? MasteryRule.LATEST
                : choice(MasteryRule.class, mastery, "columns-mastery");
        grading.choose(courseId, new CourseGrading.Columns(chosenMode, chosenMastery), teacherUserId);
        return new ColumnsChosen(chosenMode, chosenMastery, columns.reconcile(courseId, Resend.CHANGED));
    }

    /** Computes again the grades of the whole course, its competency columns included, and sends them. */
    @Transactional
    public int resyncCourse(long courseId, Resend resend) {
        return resync(courseId, activities.ofCourse(courseId), resend) + columns.reconcile(courseId, resend);
    }

    /** Computes again the grades of one activity of the course and sends them. */
    @Transactional
    public int resyncActivity(long courseId, long activityId, Resend resend) {
        return resync(courseId, activities.find(courseId, activityId).stream().toList(), resend);
    }

    private int resync(long courseId, List<ActivityView> targets, Resend resend) {
        Scale scale = scales.of(courseId);
        GradeRule rule = grading.rule(courseId);
        int queued = 0;
        for (ActivityView activity : targets) {
            queued += sync(activity, scale, rule, Students.ALL, resend);
        }
        return queued;
    }

    /**
     * {@code changed}: the students whose positions changed, or all (those with positions or a score). An activity no
     * link opens yet (deep-linked, not opened in the platform) waits for its gradebook column, shown so.
     */
    private int sync(ActivityView activity, Scale scale, GradeRule rule, Students changed, Resend resend) {
        if (changed.none()) {
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
        if (changed instanceof Students.All) {
            waiting.resolved(activity.id());
        }
        Set<Long> students = changed.orElse(all -> {
            Set<Long> everyone = new HashSet<>(outbox.studentsOf(activity.id()));
            everyone.addAll(sheets.keySet());
            return everyone;
        });
        Map<Long, Optional<Grade>> grades = new HashMap<>();
        for (long student : students) {
            grades.put(student, GradeRules.grade(rule, Outcomes.of(activity, scale, sheets.get(student))));
        }
        BigDecimal maximum = BigDecimal.valueOf(activity.scoreMaximum());
        int queued = 0;
        for (long link : links) {
            queued += outbox.enqueue(new ScoreOutbox.ActivityLink(activity.courseId(), activity.id(), link, maximum),
                    grades, resend);
        }
        return queued;
    }

    /** Rows a grade preview computes at once: a class, with room to spare. */
    static final int MAX_PREVIEW_ROWS = 200;

    /**
     * The grades the course's rule gives rows of levels not saved yet (code → level; absent or null: not assessed),
     * computed as {@link #sync} computes the grades it sends, so that the grid shows what the gradebook will receive;
     * empty for a row with nothing assessed. 422 naming the rows and skills when a level or skill is wrong.
     */
    @Transactional
    public List<Optional<BigDecimal>> preview(long courseId, long activityId, List<Map<String, Integer>> rows) {
        ActivityView activity = activities.require(courseId, activityId);
        List<ProblemException.Problem> problems = new java.util.ArrayList<>();
        if (rows.size() > MAX_PREVIEW_ROWS) {
            problems.add(new ProblemException.Problem("rows", LocalizedText.of(
                    "Au plus " + MAX_PREVIEW_ROWS + " lignes à la fois.", "At most " + MAX_PREVIEW_ROWS + " rows at once.")));
        } else {
            for (int i = 0; i < rows.size(); i++) {
                problems.addAll(activity.levelProblems("rows[" + i + "]", rows.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "grade-preview-invalid", LocalizedText.of("Saisie à corriger",
                    "Input to correct"), LocalizedText.of("Certains niveaux ne conviennent pas.",
                    "Some levels are not acceptable."), problems);
        }
        Scale scale = scales.of(courseId);
        GradeRule rule = grading.rule(courseId);
        return rows.stream().map(levels -> GradeRules.grade(rule, Outcomes.of(activity, scale, levels, null))
                .map(Grade::scoreGiven)).toList();
    }

    /** One of an enum's values, or a 400 naming the possible ones. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value, String problemType) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException unknown) {
            String possible = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
            String shown = value == null ? "" : value;
            throw new ProblemException(400, problemType, LocalizedText.of("Choix inconnu", "Unknown choice"),
                    LocalizedText.of("« " + shown + " » n’est pas possible ; valeurs possibles : " + possible + ".",
                            "\"" + shown + "\" is not possible; possible values: " + possible + "."));
        }
    }
}
