package fr.competences.gradebook.outbox;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.config.InstanceName;
import fr.competences.lti.ags.Score;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The worker's two short transactions around each HTTP call: claiming due rows (a lease, taken under
 * {@code for update skip locked} so two instances never claim the same row), and recording the outcome, with its
 * line in the audit trail.
 */
@ApplicationScoped
@Transactional
public class ScoreLeases {

    private static final Logger LOG = Logger.getLogger(ScoreLeases.class.getName());

    /**
     * Due rows whose lease is free or expired (its instance died); a competency column's rows once the column
     * exists on the platform. PostgreSQL skips rows locked by another claimer
     * before the limit; H2 applies the limit first (a concurrent claimer may get fewer rows), which one process
     * owning its H2 file never notices.
     */
    static final String DUE = "select s.id from gb_score_sync s where s.status = 'PENDING' and s.next_attempt_at <= ?1 "
            + "and (s.lease_until is null or s.lease_until < ?1) and (s.column_id is null or exists (select 1 from "
            + "gb_competency_column c where c.id = s.column_id and not c.retired and c.line_item_url is not null)) "
            + "order by s.next_attempt_at, s.id fetch first %d rows only for update skip locked";

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    List<ClaimedScore> claim(String owner, int limit, Duration lease) {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(DUE.formatted(limit)).setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxScore> rows = em.createNamedQuery(OutboxScore.BY_IDS, OutboxScore.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList();
        return rows.stream().map(row -> {
            row.lease(owner, now.plus(lease));
            String lineItem = row.lineItemUrl != null || row.columnId == null ? row.lineItemUrl
                    : columnLineItem(row.columnId); // created after the score was queued
            return claimed(row, lineItem, now);
        }).toList();
    }

    /**
     * Frees the leases a previous run of this node left when it died (see {@link InstanceName}), so that its scores
     * are sent again now rather than when the leases expire.
     */
    int releaseLeftBy(InstanceName current) {
        int released = em.createNativeQuery("update gb_score_sync set lease_owner = null, lease_until = null "
                + "where lease_owner like ?1 escape '\\' and lease_owner <> ?2")
                .setParameter(1, current.previousRunsPattern()).setParameter(2, current.id()).executeUpdate();
        if (released > 0) {
            LOG.info(() -> released + " note(s) réservée(s) par l’exécution précédente de " + current.node()
                    + " reprise(s) à son redémarrage");
        }
        return released;
    }

    /** Records the outcome, unless the lease was lost (another instance took the row over: its outcome counts). */
    void record(ClaimedScore claimed, RetryPolicy.Decision decision, int httpStatus, String message, String owner) {
        OffsetDateTime now = now();
        OutboxScore row = em.find(OutboxScore.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        String outcome = decision.retryIn() != null ? "RETRY" : decision.status().name();
        if (row == null) {
            LOG.fine(() -> "Note " + claimed.id() + " supprimée avec sa colonne pendant l’envoi : issue " + outcome);
            return;
        }
        em.persist(new DeliveryAttempt(claimed, httpStatus, outcome, message, owner, now));
        audit.record(new AuditEvent.GradeSent(row.platformId, row.courseId, row.activityId, columnCode(row),
                row.userId, claimed.score().scoreGiven(), claimed.score().scoreMaximum(), httpStatus, outcome));
        if (!owner.equals(row.leaseOwner)) {
            LOG.warning(() -> "Note " + claimed.id() + " reprise par une autre instance : issue " + outcome + " archivée");
            return;
        }
        row.lineItemFound(claimed.to().lineItemUrl());
        row.delivered(claimed.revision(), decision, httpStatus, message, now);
    }

    /** The line item of a competency column (the columns' table, which {@link #DUE} reads too). */
    private String columnLineItem(long columnId) {
        return columnValue("line_item_url", columnId);
    }

    /** The skill or bloc code of a score's competency column, for the audit line; null for an activity's score. */
    private String columnCode(OutboxScore row) {
        return row.columnId == null ? null : columnValue("code", row.columnId);
    }

    private String columnValue(String column, long columnId) {
        List<?> value = em.createNativeQuery("select " + column + " from gb_competency_column where id = ?1")
                .setParameter(1, columnId).getResultList();
        return value.isEmpty() ? null : (String) value.getFirst();
    }

    private static ClaimedScore claimed(OutboxScore row, String lineItemUrl, OffsetDateTime now) {
        Score score = row.scoreGiven == null
                ? Score.withdrawn(row.userSub, row.scoreMaximum, row.scoreTimestamp.toInstant())
                : Score.graded(row.userSub, row.scoreGiven, row.scoreMaximum, row.scoreTimestamp.toInstant(), row.comment);
        return new ClaimedScore(row.id, row.revision, new ClaimedScore.Destination(row.platformId, row.courseId,
                row.resourceLinkId, row.columnId, lineItemUrl), new ClaimedScore.Tries(row.attempts, row.pendingFor(now)),
                score);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
