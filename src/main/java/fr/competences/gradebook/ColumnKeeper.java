package fr.competences.gradebook;

import fr.competences.lti.ags.LineItems;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * Brings the platform's gradebook in line with the competency columns (lti-facts P-11): creates a column's line item
 * ({@code resourceId} = code, {@code tag} = {@value #TAG}) unless the tool already created one (a crash between the
 * creation and its record must not make a second column), renames it, deletes a retired one with its scores. Each
 * column is handled in a transaction holding its row ({@code for update skip locked}), so two instances never act on
 * the same column at once; the platform calls happen inside it, which is acceptable for these rare, short calls.
 */
@ApplicationScoped
class ColumnKeeper {

    private static final Logger LOG = Logger.getLogger(ColumnKeeper.class.getName());
    static final String TAG = "competence";

    static final String DUE = "select id from gb_competency_column where next_attempt_at <= ?1 and (retired "
            + "or line_item_url is null or platform_label is null or label <> platform_label) order by id";

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    LineItems lineItems;

    @Inject
    Registrations registrations;

    Clock clock = Clock.systemUTC();

    /** The columns the platform lags behind, due now. */
    @Transactional
    List<Long> due() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(DUE).setParameter(1, now()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Brings one column in line (unless another instance holds it); true when its scores can now be sent. */
    @Transactional
    boolean bring(long columnId) {
        if (em.createNativeQuery("select id from gb_competency_column where id = ?1 for update skip locked")
                .setParameter(1, columnId).getResultList().isEmpty()) {
            return false;
        }
        CompetencyColumn column = em.find(CompetencyColumn.class, columnId);
        if (column == null || !column.retired && !column.outOfStep()) {
            return false;
        }
        OffsetDateTime now = now();
        try {
            CourseServices.Endpoints endpoints = CourseServices.of(em, column.courseId);
            if (column.retired) {
                if (column.lineItemUrl != null) {
                    lineItems.delete(platform(endpoints), column.lineItemUrl);
                }
                forget(column);
                return false;
            }
            boolean created = column.lineItemUrl == null;
            if (created) {
                create(column, platform(endpoints), endpoints.lineItemsUrl(), now);
            }
            if (!column.label.equals(column.platformLabel)) {
                lineItems.update(platform(endpoints), item(column, column.lineItemUrl));
                column.renamed(now);
            }
            return created;
        } catch (ServiceException refused) {
            column.failed(refused.status(), refused.platformMessage(), now);
        } catch (RuntimeException unexpected) {
            column.failed(0, unexpected.toString(), now);
        }
        LOG.warning(() -> "Colonne de compétence " + column.code + " (cours " + column.courseId + ") : " + column.lastMessage
                + " ; nouvel essai à " + column.nextAttemptAt);
        return false;
    }

    private void create(CompetencyColumn column, RegisteredPlatform platform, String lineItemsUrl, OffsetDateTime now) {
        if (lineItemsUrl == null) {
            throw new ServiceException(404, LineItemFinder.NO_AGS);
        }
        var earlier = lineItems.ofResource(platform, lineItemsUrl, column.code, TAG);
        LineItems.LineItem item;
        if (earlier.isEmpty()) {
            try {
                item = lineItems.create(platform, lineItemsUrl, item(column, null));
            } catch (ServiceException refused) {
                if (refused.status() == 400 || refused.status() == 401 || refused.status() == 403) {
                    throw new ServiceException(refused.status(), LineItemFinder.GRADE_SYNC_ONLY + ": "
                            + refused.platformMessage());
                }
                throw refused;
            }
        } else {
            item = earlier.getFirst();
        }
        column.created(item.id(), item.label(), now);
        em.createNativeQuery("update gb_score_sync set line_item_url = ?1 where column_id = ?2 and line_item_url is null")
                .setParameter(1, item.id()).setParameter(2, column.id).executeUpdate();
        LOG.info(() -> "Colonne de compétence " + column.code + " " + (earlier.isEmpty() ? "créée" : "retrouvée")
                + " dans le carnet de notes (cours " + column.courseId + ")");
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

    private RegisteredPlatform platform(CourseServices.Endpoints endpoints) {
        return registrations.find(endpoints.platformId()).filter(RegisteredPlatform::enabled)
                .orElseThrow(() -> new ServiceException(403, "platform-disabled"));
    }

    private static LineItems.LineItem item(CompetencyColumn column, String url) {
        return new LineItems.LineItem(url, column.label, BigDecimal.valueOf(ColumnGrades.MAXIMUM), null, column.code,
                TAG);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
