package fr.competences.gradebook.columns;

import fr.competences.lti.course.CourseServices;
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
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {@link ColumnKeeper}'s short transactions around its platform calls: leasing a column that lags behind (taken
 * under {@code for update skip locked}, so two instances never work on the same column), and recording the outcome
 * against what the row has become meanwhile (a teacher may have wanted a column again while it was being deleted).
 */
@ApplicationScoped
@Transactional
class ColumnLeases {

    private static final Logger LOG = Logger.getLogger(ColumnLeases.class.getName());
    /** Longer than any platform call (20 s each): an instance that died frees its columns after it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final String DUE = "select id from gb_competency_column where next_attempt_at <= ?1 "
            + "and (lease_until is null or lease_until < ?1) and (retired or line_item_url is null "
            + "or platform_label is null or label <> platform_label) order by id";

    /** What to do for one column, read when it was leased. */
    record Work(long columnId, long courseId, long platformId, String lineItemsUrl, String code, String label,
            String platformLabel, String lineItemUrl, boolean delete) {
    }

    /** How the platform calls ended: deleted, or the line item and the label it shows, or a failure. */
    record Outcome(boolean deleted, String lineItemUrl, String platformLabel, Integer failedStatus,
            String failedMessage) {

        static final Outcome DELETED = new Outcome(true, null, null, null, null);

        static Outcome failed(int status, String message) {
            return new Outcome(false, null, null, status, message);
        }
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    CourseServices courses;

    Clock clock = Clock.systemUTC();

    /** The columns the platform lags behind, due now and not leased. */
    List<Long> due() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(DUE).setParameter(1, now()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Leases the column if it still needs the platform and no instance has it; a retired one never created is forgotten. */
    Optional<Work> lease(long columnId) {
        OffsetDateTime now = now();
        if (em.createNativeQuery("select id from gb_competency_column where id = ?1 for update skip locked")
                .setParameter(1, columnId).getResultList().isEmpty()) {
            return Optional.empty();
        }
        CompetencyColumn column = em.find(CompetencyColumn.class, columnId);
        if (column == null || !column.outOfStep() && !column.retired
                || column.leaseUntil != null && column.leaseUntil.isAfter(now)) {
            return Optional.empty();
        }
        if (column.retired && column.lineItemUrl == null) {
            forget(column);
            return Optional.empty();
        }
        column.leaseUntil(now.plus(LEASE));
        CourseServices.Endpoints endpoints = courses.of(column.courseId);
        return Optional.of(new Work(column.id, column.courseId, endpoints.platformId(), endpoints.lineItemsUrl(),
                column.code, column.label, column.platformLabel, column.lineItemUrl, column.retired));
    }

    /** Records the outcome on the row as it is now; true when the column's scores can now be sent. */
    boolean record(Work work, Outcome outcome) {
        OffsetDateTime now = now();
        CompetencyColumn column = em.find(CompetencyColumn.class, work.columnId(), LockModeType.PESSIMISTIC_WRITE);
        if (column == null) {
            return false;
        }
        column.leaseUntil(null);
        if (outcome.failedStatus() != null) {
            column.failed(outcome.failedStatus(), outcome.failedMessage(), now);
            return false;
        }
        if (outcome.deleted()) {
            if (column.retired) {
                forget(column);
            } else { // wanted again while its line item was being deleted: created anew, its scores sent again
                column.recreate(now);
                em.createNativeQuery("update gb_score_sync set line_item_url = null, status = 'PENDING', "
                        + "revision = revision + 1, attempts = 0, next_attempt_at = ?1, updated_at = ?1 "
                        + "where column_id = ?2").setParameter(1, now).setParameter(2, column.id).executeUpdate();
            }
            return false;
        }
        boolean created = column.lineItemUrl == null;
        if (created) {
            column.created(outcome.lineItemUrl(), outcome.platformLabel(), now);
            em.createNativeQuery("update gb_score_sync set line_item_url = ?1 where column_id = ?2 "
                    + "and line_item_url is null").setParameter(1, outcome.lineItemUrl()).setParameter(2, column.id)
                    .executeUpdate();
        } else {
            column.renamed(outcome.platformLabel(), now);
        }
        return created;
    }

    /** The column is gone from the platform, and its scores with it: the tool forgets them too. */
    private void forget(CompetencyColumn column) {
        em.createNativeQuery("delete from gb_delivery where sync_id in (select id from gb_score_sync where column_id = ?1)")
                .setParameter(1, column.id).executeUpdate();
        em.createNativeQuery("delete from gb_score_sync where column_id = ?1").setParameter(1, column.id).executeUpdate();
        em.remove(column);
        LOG.info(() -> "Colonne de compétence " + column.code + " supprimée du carnet de notes (cours "
                + column.courseId + ")");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
