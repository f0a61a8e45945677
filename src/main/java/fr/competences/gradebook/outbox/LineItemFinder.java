package fr.competences.gradebook.outbox;

import fr.competences.lti.ags.LineItems;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.course.CourseServices;
import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The line item of an activity whose launches name none (Moodle: no grade item coupled, docs/moodle.md P-7): the
 * course's line item for that resource link, else one the tool creates. Moodle refuses creation under "grade sync
 * only" (P-6): the row fails with {@link #GRADE_SYNC_ONLY}, which the teacher's page explains.
 */
@ApplicationScoped
public class LineItemFinder {

    private static final Logger LOG = Logger.getLogger(LineItemFinder.class.getName());
    public static final String GRADE_SYNC_ONLY = "grade-sync-only";
    public static final String NO_AGS = "no-ags";

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Inject
    LineItems lineItems;

    @Inject
    CourseServices courses;

    /** The launch's line item of a resource link, else the one the tool found or created; null when none yet. */
    String known(long resourceLinkId) {
        return known(courses.link(resourceLinkId), resourceLinkId);
    }

    private String known(CourseServices.Link link, long resourceLinkId) {
        if (link.lineItemUrl() != null) {
            return link.lineItemUrl();
        }
        List<?> found = em.createNativeQuery("select line_item_url from gb_line_item where resource_link_id = ?1")
                .setParameter(1, resourceLinkId).getResultList();
        return found.isEmpty() ? null : (String) found.getFirst();
    }

    /**
     * Holds the resource link's row while looking and creating, so that concurrent deliveries for the same link (on
     * this instance or another) wait for the first one's line item instead of creating a second column.
     */
    @Transactional
    String resolve(RegisteredPlatform platform, ClaimedScore claimed) {
        CourseServices.Link target = courses.lockLink(claimed.to().resourceLinkId());
        String known = known(target, claimed.to().resourceLinkId());
        if (known != null) {
            return known;
        }
        if (target.lineItemsUrl() == null) {
            throw new ServiceException(404, NO_AGS);
        }
        var found = lineItems.ofResourceLink(platform, target.lineItemsUrl(), target.resourceLinkId());
        String url;
        boolean created = found.isEmpty();
        if (created) {
            try {
                url = lineItems.create(platform, target.lineItemsUrl(), new LineItems.LineItem(null,
                        target.title() == null ? target.resourceLinkId() : target.title(),
                        claimed.score().scoreMaximum(), target.resourceLinkId(), null, null)).id();
            } catch (ServiceException refused) {
                throw creationRefused(refused);
            }
        } else {
            url = found.getFirst().id();
        }
        em.createNativeQuery("insert into gb_line_item (resource_link_id, line_item_url, created_by_tool, found_at) "
                + "values (?1, ?2, ?3, ?4)").setParameter(1, claimed.to().resourceLinkId()).setParameter(2, url)
                .setParameter(3, created).setParameter(4, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        LOG.info(() -> "Colonne de notes " + (created ? "créée" : "trouvée") + " pour le lien "
                + claimed.to().resourceLinkId());
        return url;
    }

    /**
     * A line item creation the platform refused: 400, 401 or 403 is Moodle's "grade sync only" (P-6; its token
     * endpoint answers invalid_scope), named {@link #GRADE_SYNC_ONLY} so that the teacher's page says what to ask for,
     * and final (403) since retrying cannot help; anything else unchanged.
     */
    public static ServiceException creationRefused(ServiceException refused) {
        return refused.status() == 400 || refused.status() == 401 || refused.status() == 403
                ? new ServiceException(403, GRADE_SYNC_ONLY + ": " + refused.platformMessage()) : refused;
    }
}
