package fr.competences.gradebook.outbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The worker, idle: in the in-container tests nothing polls nor sends, so that the tests drive claims, leases and
 * outcomes themselves, as instances would.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class OutboxWorkerProbe extends OutboxWorker {

    @Override
    void start(Object applicationStarted) {
    }

    @Override
    public void wake() {
    }
}
