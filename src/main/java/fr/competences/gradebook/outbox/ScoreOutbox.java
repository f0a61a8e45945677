package fr.competences.gradebook.outbox;

import fr.competences.gradebook.rules.Grade;
import fr.competences.lti.course.CourseServices;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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

    /** One gradebook column of an activity: one of its resource links, and the activity's maximum grade. */
    public record ActivityLink(long courseId, long activityId, long resourceLinkId, BigDecimal scoreMaximum) {
    }

    /** A competency column's line item on the platform (null until created) and the maximum of its grades. */
    public record ColumnLineItem(long columnId, String lineItemUrl, BigDecimal scoreMaximum) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxWorker worker;

    @Inject
    CourseServices courses;

    @Inject
    LineItemFinder lineItems;

    Clock clock = Clock.systemUTC();

    /**
     * The new grades of students in one activity, for the gradebook column of one of its resource links (an empty
     * grade: nothing assessed any more), by student. Unchanged grades send nothing unless {@link Resend#ALL}.
     */
    @Transactional
    public int enqueue(ActivityLink link, Map<Long, Optional<Grade>> grades, Resend resend) {
        if (grades.isEmpty()) {
            return 0;
        }
        long courseId = link.courseId();
        long resourceLinkId = link.resourceLinkId();
        long platformId = courses.of(courseId).platformId();
        Map<Long, String> subjects = courses.subjects(grades.keySet());
        Map<Long, OutboxScore> rows = em.createNamedQuery(OutboxScore.BY_CELL, OutboxScore.class)
                .setParameter("resourceLinkId", resourceLinkId).setParameter("userIds", grades.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.toMap(OutboxScore::userId, Function.identity()));
        int changed = apply(rows, grades, lineItems.known(resourceLinkId), link.scoreMaximum(), resend,
                subjects, user -> GradeCell.ofLink(link, user, platformId, subjects.get(user)));
        wakeWorkerAfterCommit(changed);
        return changed;
    }

    /** The same for the students' mastery grades in a course's competency columns, in a few queries for all. */
    @Transactional
    public int enqueue(long courseId, Map<ColumnLineItem, Map<Long, Optional<Grade>>> columns, Resend resend) {
        Set<Long> students = new HashSet<>();
        columns.values().forEach(grades -> students.addAll(grades.keySet()));
        if (students.isEmpty()) {
            return 0;
        }
        long platformId = courses.of(courseId).platformId();
        Map<Long, String> subjects = courses.subjects(students);
        Map<Long, Map<Long, OutboxScore>> rows = em.createNamedQuery(OutboxScore.BY_COLUMN_CELLS, OutboxScore.class)
                .setParameter("columnIds", columns.keySet().stream().map(ColumnLineItem::columnId).toList())
                .setParameter("userIds", students).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.groupingBy(OutboxScore::columnId,
                        Collectors.toMap(OutboxScore::userId, Function.identity())));
        int changed = 0;
        for (var column : columns.entrySet()) {
            long columnId = column.getKey().columnId();
            changed += apply(rows.getOrDefault(columnId, Map.of()), column.getValue(), column.getKey().lineItemUrl(),
                    column.getKey().scoreMaximum(), resend, subjects,
                    user -> GradeCell.ofColumn(courseId, columnId, user, platformId, subjects.get(user)));
        }
        wakeWorkerAfterCommit(changed);
        return changed;
    }

    /** Changes the target's rows ({@code rows}: its existing ones by student) for these grades; how many changed. */
    private int apply(Map<Long, OutboxScore> rows, Map<Long, Optional<Grade>> grades, String lineItem,
            BigDecimal scoreMaximum, Resend resend, Map<Long, String> subjects, Function<Long, GradeCell> newCell) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int changed = 0;
        for (Map.Entry<Long, Optional<Grade>> entry : grades.entrySet()) {
            Grade grade = entry.getValue().orElse(null);
            OutboxScore row = rows.get(entry.getKey());
            if (row == null && grade == null || !subjects.containsKey(entry.getKey())) {
                continue; // never graded and still nothing to send, or not a user of ours
            }
            if (row == null) {
                row = new OutboxScore(newCell.apply(entry.getKey()), now);
                em.persist(row);
            }
            if (resend == Resend.ALL || row.differs(grade, lineItem)) {
                row.change(grade, scoreMaximum, lineItem, now);
                changed++;
            }
        }
        return changed;
    }

    /** The students who have a score row in this activity (sent, pending or failed). */
    @Transactional
    public Set<Long> studentsOf(long activityId) {
        return new HashSet<>(em.createQuery("select distinct s.userId from OutboxScore s "
                + "where s.activityId = :activityId", Long.class).setParameter("activityId", activityId).getResultList());
    }

    /** The students who have a score row in a competency column of this course. */
    @Transactional
    public Set<Long> studentsOfColumns(long courseId) {
        return new HashSet<>(em.createQuery("select distinct s.userId from OutboxScore s "
                + "where s.courseId = :courseId and s.columnId is not null", Long.class).setParameter("courseId", courseId)
                .getResultList());
    }

    private void wakeWorkerAfterCommit(int changed) {
        if (changed > 0) {
            wakeWorkerAfterCommit();
        }
    }

    /** Wakes the worker once the caller's transaction commits (nothing is due before). */
    public void wakeWorkerAfterCommit() {
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
