package fr.competences.gradebook;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts scores in the outbox, in the caller's transaction: the positions and the score to send commit together or
 * not at all. Rows are locked while changed, so a delivery ending at the same time cannot lose the change. The
 * worker is woken after the commit.
 */
@ApplicationScoped
public class ScoreOutbox {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SyncWorker worker;

    Clock clock = Clock.systemUTC();

    /**
     * The new grades of students in one activity, for the gradebook column of one of its resource links (an empty
     * grade: nothing assessed any more). Unchanged grades send nothing; {@code force} sends them again (resync).
     */
    @Transactional
    public int enqueue(long courseId, long activityId, long resourceLinkId, BigDecimal scoreMaximum,
            Map<Long, Optional<Grade>> grades, boolean force) {
        if (grades.isEmpty()) {
            return 0;
        }
        TypedQuery<ScoreSync> cells = em.createNamedQuery(ScoreSync.BY_CELL, ScoreSync.class)
                .setParameter("resourceLinkId", resourceLinkId);
        return enqueue(courseId, cells, CourseServices.lineItemOf(em, resourceLinkId), scoreMaximum, grades, force,
                (userId, platformId, sub) -> GradeCell.ofLink(courseId, activityId, resourceLinkId, userId, platformId, sub));
    }

    /** The same for the students' mastery grades in one competency column. */
    @Transactional
    public int enqueue(CompetencyColumn column, Map<Long, Optional<Grade>> grades, boolean force) {
        if (grades.isEmpty()) {
            return 0;
        }
        TypedQuery<ScoreSync> cells = em.createNamedQuery(ScoreSync.BY_COLUMN_CELL, ScoreSync.class)
                .setParameter("columnId", column.id);
        return enqueue(column.courseId, cells, column.lineItemUrl, BigDecimal.valueOf(ColumnGrades.MAXIMUM), grades,
                force, (userId, platformId, sub) -> GradeCell.ofColumn(column.courseId, column.id, userId, platformId, sub));
    }

    private interface CellFactory {
        GradeCell cell(long userId, long platformId, String userSub);
    }

    /** {@code cells}: the query of the target's rows, waiting for its {@code userIds}. */
    private int enqueue(long courseId, TypedQuery<ScoreSync> cells, String lineItem, BigDecimal scoreMaximum,
            Map<Long, Optional<Grade>> grades, boolean force, CellFactory newCell) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long platformId = CourseServices.of(em, courseId).platformId();
        Map<Long, String> subjects = subjects(grades.keySet());
        Map<Long, ScoreSync> rows = cells.setParameter("userIds", grades.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.toMap(ScoreSync::userId, Function.identity()));
        int changed = 0;
        for (Map.Entry<Long, Optional<Grade>> entry : grades.entrySet()) {
            Grade grade = entry.getValue().orElse(null);
            ScoreSync row = rows.get(entry.getKey());
            if (row == null && grade == null || !subjects.containsKey(entry.getKey())) {
                continue; // never graded and still nothing to send, or not a user of ours
            }
            if (row == null) {
                row = new ScoreSync(newCell.cell(entry.getKey(), platformId, subjects.get(entry.getKey())), now);
                em.persist(row);
            }
            if (force || row.differs(grade, lineItem)) {
                row.change(grade, scoreMaximum, lineItem, now);
                changed++;
            }
        }
        if (changed > 0) {
            wakeWorkerAfterCommit();
        }
        return changed;
    }

    /** The students who have a score row in this activity (sent, pending or failed). */
    @Transactional
    public Set<Long> studentsOf(long activityId) {
        return new HashSet<>(em.createQuery("select distinct s.userId from ScoreSync s "
                + "where s.activityId = :activityId", Long.class).setParameter("activityId", activityId).getResultList());
    }

    /** The students who have a score row in a competency column of this course. */
    @Transactional
    public Set<Long> studentsOfColumns(long courseId) {
        return new HashSet<>(em.createQuery("select distinct s.userId from ScoreSync s "
                + "where s.courseId = :courseId and s.columnId is not null", Long.class).setParameter("courseId", courseId)
                .getResultList());
    }

    private Map<Long, String> subjects(Set<Long> userIds) {
        Map<Long, String> subjects = new HashMap<>();
        em.createQuery("select u.id, u.subject from ToolUser u where u.id in :ids", Object[].class)
                .setParameter("ids", userIds).getResultList()
                .forEach(row -> subjects.put((Long) row[0], (String) row[1]));
        return subjects;
    }

    /** Wakes the worker once the caller's transaction commits (nothing is due before). */
    void wakeWorkerAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }
}
