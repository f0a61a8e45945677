package fr.competences.gradebook.columns;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Assessments;
import fr.competences.assessment.Mastery;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
    Scales scales;

    @Inject
    Assessments assessments;

    @Inject
    Referentiels referentiels;

    @Inject
    CourseGrading grading;

    @Inject
    ScoreOutbox outbox;

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * After positions changed: the mastery grades of these students (empty: every student with a position or a score).
     * {@code reconcile} (a teacher's save or resync) also retires the columns no longer wanted and retries failed ones.
     */
    @Transactional
    public int sync(long courseId, Optional<Set<Long>> students, boolean force, boolean reconcile) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        CourseGrading.Columns settings = grading.columns(courseId);
        if (settings.mode() == ColumnMode.NONE && !reconcile) {
            return 0;
        }
        List<CompetencyColumn> existing = em.createNamedQuery(CompetencyColumn.OF_COURSE, CompetencyColumn.class)
                .setParameter("courseId", courseId).getResultList();
        if (settings.mode() == ColumnMode.NONE) {
            existing.forEach(column -> column.retire(now));
            if (!existing.isEmpty()) {
                outbox.wakeWorkerAfterCommit();
            }
            return 0;
        }
        List<ActivityView> course = activities.ofCourse(courseId);
        Map<String, Optional<ReferentielTree>> trees = new HashMap<>();
        List<ColumnPlan.Column> planned = ColumnPlan.of(settings.mode(), course,
                code -> trees.computeIfAbsent(code, referentiels::tree));
        Map<ColumnPlan.Column, CompetencyColumn> columns = keep(courseId, planned, existing, reconcile, now);
        if (students.map(Set::isEmpty).orElse(false) || columns.isEmpty()) {
            return 0;
        }
        Scale scale = scales.of(courseId);
        Map<Long, Map<String, List<Mastery.Rating>>> ratings = Mastery.ratings(course, scale,
                assessments.positionsOfCourse(courseId, students));
        Set<Long> graded = students.orElseGet(() -> {
            Set<Long> all = new HashSet<>(ratings.keySet());
            all.addAll(outbox.studentsOfColumns(courseId));
            return all;
        });
        Map<CompetencyColumn, Map<Long, Optional<Grade>>> grades = new LinkedHashMap<>();
        columns.forEach((column, row) -> {
            Map<Long, Optional<Grade>> ofColumn = new HashMap<>();
            for (long student : graded) {
                ofColumn.put(student, ColumnGrades.grade(column, settings.mastery(), scale,
                        ratings.getOrDefault(student, Map.of())));
            }
            grades.put(row, ofColumn);
        });
        return outbox.enqueue(courseId, grades, force);
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
