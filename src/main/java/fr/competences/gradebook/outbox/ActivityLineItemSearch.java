package fr.competences.gradebook.outbox;

import fr.competences.lti.ags.LineItems;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.deeplinking.ContentItem;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the gradebook column of a deep-linked activity nobody opened in the platform yet: the deep linking response
 * gave it a line item with {@code resourceId} = the activity's id and {@code tag} = {@value ContentItem.LineItem#ACTIVITY_TAG},
 * which Moodle keeps on the grade item it couples to the new activity (docs/moodle.md P-14) and lists, with its resource
 * link's id, in the course's line items (P-11) that the deep linking launch announced. Moodle created no grade item
 * (the tool may not send grades there, "accept grades" off) or the platform cannot be asked: the activity stays
 * waiting, shown with what to do, and is looked at again later and at every save; its first launch sends the grades.
 */
@ApplicationScoped
class ActivityLineItemSearch {

    private static final Logger LOG = Logger.getLogger(ActivityLineItemSearch.class.getName());

    @Inject
    WaitingActivities waiting;

    @Inject
    LineItems lineItems;

    @Inject
    Registrations registrations;

    List<Long> due() {
        return waiting.due();
    }

    /** Looks for one activity's line items (unless another instance does); true when its scores are now due. */
    boolean look(long activityId) {
        Optional<WaitingActivities.Work> leased = waiting.lease(activityId);
        if (leased.isEmpty()) {
            return false;
        }
        WaitingActivities.Work work = leased.get();
        List<LineItems.LineItem> items;
        try {
            items = find(work);
        } catch (ServiceException refused) {
            LOG.fine(() -> "Activité " + activityId + " : colonne de notes non trouvée (HTTP " + refused.status() + " "
                    + refused.platformMessage() + ")");
            waiting.notFound(work, refused.status(), refused.platformMessage());
            return false;
        } catch (RuntimeException unexpected) {
            waiting.notFound(work, 0, unexpected.toString());
            return false;
        }
        if (items.isEmpty()) {
            waiting.notFound(work, 404, WaitingActivities.NOT_FOUND);
            return false;
        }
        try {
            waiting.found(work, items);
        } catch (RuntimeException concurrentFirstLaunch) { // e.g. the link launched meanwhile: looked at again later
            waiting.notFound(work, 0, concurrentFirstLaunch.toString());
            return false;
        }
        return true;
    }

    private List<LineItems.LineItem> find(WaitingActivities.Work work) {
        RegisteredPlatform platform = registrations.find(work.platformId()).filter(RegisteredPlatform::enabled)
                .orElseThrow(() -> new ServiceException(403, "platform-disabled"));
        if (work.lineItemsUrl() == null) {
            throw new ServiceException(404, LineItemFinder.NO_AGS);
        }
        return lineItems.ofResource(platform, work.lineItemsUrl(), Long.toString(work.activityId()),
                ContentItem.LineItem.ACTIVITY_TAG).stream().filter(item -> item.resourceLinkId() != null
                        && !item.resourceLinkId().isBlank()).toList();
    }
}
