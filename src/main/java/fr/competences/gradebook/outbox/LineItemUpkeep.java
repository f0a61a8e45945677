package fr.competences.gradebook.outbox;

/**
 * Line items that the tool keeps on the platform besides activities' (the competency columns'), brought in line by
 * the {@link OutboxWorker} at each poll, on a sending thread, before their scores are sent. The worker knows them only
 * through this interface, so that what keeps them (package {@code columns}) depends on the outbox and not the reverse.
 */
public interface LineItemUpkeep {

    /** Brings the line items the platform lags behind in line; true when scores became due (a line item was created). */
    boolean catchUp();
}
