/**
 * The durable outbox of scores: one row per gradebook cell ({@link fr.competences.gradebook.outbox.OutboxScore}),
 * written in the transaction of the change ({@link fr.competences.gradebook.outbox.ScoreOutbox}), delivered by the
 * {@link fr.competences.gradebook.outbox.OutboxWorker} with leases ({@link fr.competences.gradebook.outbox.ScoreLeases}),
 * retries and backoff ({@link fr.competences.gradebook.outbox.RetryPolicy}), each attempt kept as a
 * {@link fr.competences.gradebook.outbox.DeliveryAttempt}; where each score stands, and how the platform's gradebook
 * differs.
 */
package fr.competences.gradebook.outbox;
