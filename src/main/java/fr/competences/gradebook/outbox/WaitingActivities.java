package fr.competences.gradebook.outbox;

import fr.competences.assessment.Activities;
import fr.competences.lti.ags.LineItems;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Activities whose grades wait for a gradebook column (issue 14): positioned, but no resource link opens them yet
 * because nobody opened them in the platform since deep linking created them. Kept in the transaction of the change
 * that made them wait, so a grade is never neither sent nor shown as waiting; the short transactions around the
 * platform call of {@link ActivityLineItemSearch} (lease, then the outcome); and what the teacher's page shows.
 */
@ApplicationScoped
@Transactional
public class WaitingActivities {

    private static final Logger LOG = Logger.getLogger(WaitingActivities.class.getName());
    /** Longer than any platform call: an instance that died frees the activity after it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final String NOT_FOUND = "line-item-not-found";

    static final String DUE = "select activity_id from gb_waiting_activity where next_attempt_at <= ?1 "
            + "and (lease_until is null or lease_until < ?1) order by activity_id";

    /** What to look for: the activity (its id is the line item's resourceId) in the course's line items. */
    record Work(long activityId, long courseId, long platformId, String lineItemsUrl) {
    }

    /** A waiting activity as the teacher's page shows it: how many students have positions, what the platform said. */
    record Waiting(long activityId, long positioned, int attempts, Integer lastHttpStatus, String lastMessage) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    CourseMembers members;

    @Inject
    Activities activities;

    @Inject
    ScoreOutbox outbox;

    @Inject
    CourseServices courses;

    @Inject
    LineItemFinder lineItems;

    Clock clock = Clock.systemUTC();

    /** The activity's grades have nowhere to go yet: looked for now, and shown as waiting until then. */
    public void waitFor(long courseId, long activityId) {
        OffsetDateTime now = now();
        WaitingActivity waiting = em.find(WaitingActivity.class, activityId);
        if (waiting == null) {
            em.persist(new WaitingActivity(activityId, courseId, now));
        } else {
            waiting.dueNow(now);
        }
        outbox.wakeWorkerAfterCommit();
    }

    /** A resource link opens the activity now: its grades go through the outbox. */
    public void resolved(long activityId) {
        em.createNativeQuery("delete from gb_waiting_activity where activity_id = ?1").setParameter(1, activityId)
                .executeUpdate();
    }

    List<Long> due() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(DUE).setParameter(1, now()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Leases the activity unless another instance has it or it no longer waits. */
    Optional<Work> lease(long activityId) {
        OffsetDateTime now = now();
        if (em.createNativeQuery("select activity_id from gb_waiting_activity where activity_id = ?1 "
                + "for update skip locked").setParameter(1, activityId).getResultList().isEmpty()) {
            return Optional.empty();
        }
        WaitingActivity waiting = em.find(WaitingActivity.class, activityId);
        if (waiting == null || waiting.leaseUntil != null && waiting.leaseUntil.isAfter(now)) {
            return Optional.empty();
        }
        waiting.leaseUntil(now.plus(LEASE));
        CourseServices.Endpoints endpoints = courses.of(waiting.courseId);
        return Optional.of(new Work(activityId, waiting.courseId, endpoints.platformId(), endpoints.lineItemsUrl()));
    }

    /**
     * The platform's line items of the activity: each one's resource link is recorded as its first launch would,
     * with the line item as its column, and attached to the activity, which enqueues its grades in this transaction.
     */
    void found(Work work, List<LineItems.LineItem> items) {
        OffsetDateTime now = now();
        for (LineItems.LineItem item : items) {
            long link = members.linkSeen(work.courseId(), item.resourceLinkId(), item.label(), now);
            if (lineItems.known(link) == null) {
                em.createNativeQuery("insert into gb_line_item (resource_link_id, line_item_url, created_by_tool, "
                        + "found_at) values (?1, ?2, false, ?3)").setParameter(1, link).setParameter(2, item.id())
                        .setParameter(3, now).executeUpdate();
            }
            activities.attach(work.courseId(), work.activityId(), link);
        }
        resolved(work.activityId());
        LOG.info(() -> "Activité " + work.activityId() + " : colonne de notes trouvée dans la plateforme ("
                + items.size() + "), notes envoyées");
    }

    void notFound(Work work, int httpStatus, String message) {
        WaitingActivity waiting = em.find(WaitingActivity.class, work.activityId());
        if (waiting != null) {
            waiting.notFound(httpStatus, message, now());
        }
    }

    /** The course's waiting activities, with their number of positioned students, in one query. */
    List<Waiting> ofCourse(long courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select w.activity_id, (select count(*) from assessment_sheet s "
                + "where s.activity_id = w.activity_id), w.attempts, w.last_http_status, w.last_message "
                + "from gb_waiting_activity w where w.course_id = ?1 order by w.activity_id").setParameter(1, courseId)
                .getResultList();
        return rows.stream().map(row -> new Waiting(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).intValue(), row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4]))
                .toList();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
