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

    /** What the lookup needs: the course's {@code lineitems} URL, the link's id on the platform and its title. */
    private record Target(String lineItemsUrl, String resourceLinkId, String title) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Inject
    LineItems lineItems;

    /**
     * Holds the resource link's row while looking and creating, so that concurrent deliveries for the same link (on
     * this instance or another) wait for the first one's line item instead of creating a second column.
     */
    @Transactional
    String resolve(RegisteredPlatform platform, ClaimedScore claimed) {
        em.createNativeQuery("select id from lti_resource_link where id = ?1 for update")
                .setParameter(1, claimed.resourceLinkId()).getResultList();
        String known = CourseServices.lineItemOf(em, claimed.resourceLinkId());
        if (known != null) {
            return known;
        }
        Target target = target(claimed.resourceLinkId());
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
                + "values (?1, ?2, ?3, ?4)").setParameter(1, claimed.resourceLinkId()).setParameter(2, url)
                .setParameter(3, created).setParameter(4, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        LOG.info(() -> "Colonne de notes " + (created ? "créée" : "trouvée") + " pour le lien " + claimed.resourceLinkId());
        return url;
    }

    /** The course's line items URL, and the resource link's platform id and title; null when AGS is not offered. */
    private Target target(long resourceLinkId) {
        Object[] row = (Object[]) em.createNativeQuery("select c.lineitems_url, l.resource_link_id, l.title "
                + "from lti_resource_link l join lti_course c on c.id = l.course_id where l.id = ?1")
                .setParameter(1, resourceLinkId).getSingleResult();
        return new Target((String) row[0], (String) row[1], (String) row[2]);
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
