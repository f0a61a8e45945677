package fr.competences.gradebook.columns;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.CourseMasteries;
import fr.competences.assessment.CourseMasteries.CourseMastery;
import fr.competences.assessment.Students;
import fr.competences.gradebook.outbox.Resend;
import fr.competences.gradebook.outbox.ScoreOutbox;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.gradebook.rules.CourseGrading;
import fr.competences.gradebook.rules.Grade;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A course's competency columns, in the caller's transaction: which columns it needs ({@link ColumnPlan}), and each
 * student's mastery grade in each ({@link ColumnGrades}) put in the outbox. {@link ColumnKeeper} then creates,
 * renames or deletes the line items on the platform. A constant number of queries per course.
 */
@ApplicationScoped
public class CompetencyColumns {

    @Inject
    Activities activities;

    @Inject
    CourseMasteries masteries;

    @Inject
    Referentiels referentiels;

    @Inject
    CourseGrading grading;

    @Inject
    ScoreOutbox outbox;

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** After positions changed: the mastery grades of these students, when the course has competency columns. */
    @Transactional
    public int positionsChanged(long courseId, Students students) {
        return sync(courseId, students, Resend.CHANGED, false);
    }

    /**
     * After a teacher's choice, a resync, or a change of an activity's skills: the columns the course needs now
     * (those no longer wanted retired, failed ones retried at once) and every student's mastery grade in each.
     */
    @Transactional
    public int reconcile(long courseId, Resend resend) {
        return sync(courseId, Students.ALL, resend, true);
    }

    private int sync(long courseId, Students students, Resend resend, boolean reconcile) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        ColumnMode mode = grading.columns(courseId).mode();
        if (mode == ColumnMode.NONE && !reconcile) {
            return 0;
        }
        List<CompetencyColumn> existing = em.createNamedQuery(CompetencyColumn.OF_COURSE, CompetencyColumn.class)
                .setParameter("courseId", courseId).getResultList();
        if (mode == ColumnMode.NONE) {
            existing.forEach(column -> column.retire(now));
            if (!existing.isEmpty()) {
                outbox.wakeWorkerAfterCommit();
            }
            return 0;
        }
        List<ActivityView> course = activities.ofCourse(courseId);
        Map<String, Optional<ReferentielTree>> trees = new HashMap<>();
        List<ColumnPlan.Column> planned = ColumnPlan.of(mode, course,
                code -> trees.computeIfAbsent(code, referentiels::tree));
        Map<ColumnPlan.Column, CompetencyColumn> columns = keep(courseId, planned, existing, reconcile, now);
        if (students.none() || columns.isEmpty()) {
            return 0;
        }
        // Moodle shows the feedback to every reader whatever their language: it keeps the stored (French) labels
        CourseMastery mastery = masteries.of(courseId, course, students, Locale.FRENCH);
        Set<Long> graded = students.orElse(all -> {
            Set<Long> everyone = new HashSet<>(mastery.ratings().keySet());
            everyone.addAll(outbox.studentsOfColumns(courseId));
            return everyone;
        });
        Map<ScoreOutbox.ColumnLineItem, Map<Long, Optional<Grade>>> grades = new LinkedHashMap<>();
        columns.forEach((column, row) -> {
            Map<Long, Optional<Grade>> ofColumn = new HashMap<>();
            for (long student : graded) {
                ofColumn.put(student, ColumnGrades.grade(column, mastery.rule(), mastery.scale(), mastery.of(student)));
            }
            grades.put(new ScoreOutbox.ColumnLineItem(row.id, row.lineItemUrl,
                    BigDecimal.valueOf(ColumnGrades.MAXIMUM)), ofColumn);
        });
        return outbox.enqueue(courseId, grades, resend);
    }

    /** The rows of the planned columns (created or wanted again as needed); the others retired on a reconcile. */
    private Map<ColumnPlan.Column, CompetencyColumn> keep(long courseId, List<ColumnPlan.Column> planned,
            List<CompetencyColumn> existing, boolean reconcile, OffsetDateTime now) {
        Map<String, CompetencyColumn> byCode = existing.stream()
                .collect(Collectors.toMap(CompetencyColumn::code, Function.identity()));
        Map<ColumnPlan.Column, CompetencyColumn> kept = new LinkedHashMap<>();
        boolean platformWork = false;
        for (ColumnPlan.Column column : planned) {
            CompetencyColumn row = byCode.remove(column.code());
            if (row == null) {
                row = new CompetencyColumn(courseId, column, now);
                em.persist(row);
                platformWork = true;
            } else {
                platformWork |= row.plan(column, now);
                if (reconcile && row.lastMessage != null) {
                    row.dueNow(now);
                    platformWork = true;
                }
            }
            kept.put(column, row);
        }
        if (reconcile) {
            for (CompetencyColumn unwanted : byCode.values()) {
                unwanted.retire(now);
                platformWork = true;
            }
        }
        if (platformWork) {
            em.flush(); // the new rows get their ids before their scores refer to them
            outbox.wakeWorkerAfterCommit();
        }
        return kept;
    }
}
