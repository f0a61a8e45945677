package fr.competences.gradebook;

import fr.competences.lti.ags.LineItems;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The line item of an activity whose launches name none (Moodle: no grade item coupled, lti-facts P-7): the
 * course's line item for that resource link, else one the tool creates. Moodle refuses creation under "grade sync
 * only" (P-6): the row fails with {@link #GRADE_SYNC_ONLY}, which the teacher's page explains.
 */
@ApplicationScoped
class LineItemFinder {

    private static final Logger LOG = Logger.getLogger(LineItemFinder.class.getName());
    static final String GRADE_SYNC_ONLY = "grade-sync-only";
    static final String NO_AGS = "no-ags";

    /** What the lookup needs: the course's {@code lineitems} URL, the link's id on the platform and its title. */
    record Target(String lineItemsUrl, String resourceLinkId, String title) {
    }

    @Inject
    ScoreDeliveries deliveries;

    @Inject
    LineItems lineItems;

    String resolve(RegisteredPlatform platform, ClaimedScore claimed) {
        Target target = deliveries.lineItemTarget(claimed.resourceLinkId());
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
                if (refused.status() == 400 || refused.status() == 401 || refused.status() == 403) {
                    throw new ServiceException(403, GRADE_SYNC_ONLY + ": " + refused.platformMessage());
                }
                throw refused;
            }
        } else {
            url = found.getFirst().id();
        }
        try {
            deliveries.rememberLineItem(claimed.resourceLinkId(), url, created);
        } catch (RuntimeException alreadyThere) {
            LOG.fine(() -> "Colonne déjà enregistrée pour le lien " + claimed.resourceLinkId());
        }
        LOG.info(() -> "Colonne de notes " + (created ? "créée" : "trouvée") + " pour le lien " + claimed.resourceLinkId());
        return url;
    }
}
