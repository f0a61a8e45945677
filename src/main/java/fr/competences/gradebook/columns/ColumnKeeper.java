package fr.competences.gradebook.columns;

import fr.competences.gradebook.outbox.LineItemFinder;
import fr.competences.gradebook.outbox.LineItemUpkeep;
import fr.competences.lti.ags.LineItems;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the platform's gradebook in line with the competency columns (docs/moodle.md P-11): creates a column's line item
 * ({@code resourceId} = code, {@code tag} = {@value #TAG}) unless the tool already created one (a crash between the
 * creation and its record must not make a second column), renames it, deletes a retired one. A column is leased
 * (one instance at a time) while the platform is called outside any transaction, then the outcome is recorded
 * against what the row has become meanwhile ({@link ColumnLeases}): teachers' changes never wait for the platform.
 */
@ApplicationScoped
class ColumnKeeper implements LineItemUpkeep {

    private static final Logger LOG = Logger.getLogger(ColumnKeeper.class.getName());
    static final String TAG = "competence";

    @Inject
    ColumnLeases leases;

    @Inject
    LineItems lineItems;

    @Inject
    Registrations registrations;

    /** Brings every column the platform lags behind in line, one after the other. */
    @Override
    public boolean catchUp() {
        boolean scoresDue = false;
        for (long column : leases.due()) {
            scoresDue |= bring(column);
        }
        return scoresDue;
    }

    /** Brings one column in line (unless another instance has it); true when its scores can now be sent. */
    boolean bring(long columnId) {
        Optional<ColumnLeases.Work> leased = leases.lease(columnId);
        if (leased.isEmpty()) {
            return false;
        }
        ColumnLeases.Work work = leased.get();
        ColumnLeases.Outcome outcome;
        try {
            outcome = call(work);
        } catch (ServiceException refused) {
            outcome = ColumnLeases.Outcome.failed(refused.status(), refused.platformMessage());
        } catch (RuntimeException unexpected) {
            outcome = ColumnLeases.Outcome.failed(0, unexpected.toString());
        }
        if (outcome.failedStatus() != null) {
            ColumnLeases.Outcome failure = outcome;
            LOG.warning(() -> "Colonne de compétence " + work.code() + " (cours " + work.courseId() + ") : HTTP "
                    + failure.failedStatus() + " " + failure.failedMessage() + " ; nouvel essai plus tard");
        }
        return leases.record(work, outcome);
    }

    private ColumnLeases.Outcome call(ColumnLeases.Work work) {
        RegisteredPlatform platform = registrations.find(work.platformId()).filter(RegisteredPlatform::enabled)
                .orElseThrow(() -> new ServiceException(403, "platform-disabled"));
        if (work.delete()) {
            lineItems.delete(platform, work.lineItemUrl());
            return ColumnLeases.Outcome.DELETED;
        }
        String url = work.lineItemUrl();
        String labelOnPlatform = work.platformLabel();
        if (url == null) {
            LineItems.LineItem item = findOrCreate(work, platform);
            url = item.id();
            labelOnPlatform = item.label();
        }
        if (!work.label().equals(labelOnPlatform)) {
            lineItems.update(platform, item(work, url));
            labelOnPlatform = work.label();
        }
        return new ColumnLeases.Outcome(false, url, labelOnPlatform, null, null);
    }

    private LineItems.LineItem findOrCreate(ColumnLeases.Work work, RegisteredPlatform platform) {
        if (work.lineItemsUrl() == null) {
            throw new ServiceException(404, LineItemFinder.NO_AGS);
        }
        var earlier = lineItems.ofResource(platform, work.lineItemsUrl(), work.code(), TAG);
        if (!earlier.isEmpty()) {
            LOG.info(() -> "Colonne de compétence " + work.code() + " retrouvée (cours " + work.courseId() + ")");
            return earlier.getFirst();
        }
        try {
            LineItems.LineItem created = lineItems.create(platform, work.lineItemsUrl(), item(work, null));
            LOG.info(() -> "Colonne de compétence " + work.code() + " créée (cours " + work.courseId() + ")");
            return created;
        } catch (ServiceException refused) {
            throw LineItemFinder.creationRefused(refused);
        }
    }

    private static LineItems.LineItem item(ColumnLeases.Work work, String url) {
        return new LineItems.LineItem(url, work.label(), BigDecimal.valueOf(ColumnGrades.MAXIMUM), null, work.code(),
                TAG);
    }
}
