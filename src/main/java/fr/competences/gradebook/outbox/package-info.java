/**
 * The durable outbox of scores: one row per gradebook cell ({@link fr.competences.gradebook.outbox.OutboxScore}),
 * written in the transaction of the change ({@link fr.competences.gradebook.outbox.ScoreOutbox}), delivered by the
 * {@link fr.competences.gradebook.outbox.OutboxWorker} with leases ({@link fr.competences.gradebook.outbox.ScoreLeases}),
 * retries and backoff ({@link fr.competences.gradebook.outbox.RetryPolicy}), each attempt kept as a
 * {@link fr.competences.gradebook.outbox.DeliveryAttempt}; where each score stands, and how the platform's gradebook
 * differs. Scores go to an activity's resource link or to a competency column; the outbox knows the columns only as
 * rows whose line item may not exist yet (its due query reads that in their table) and as the
 * {@link fr.competences.gradebook.outbox.LineItemUpkeep} its worker runs: {@code columns} depends on the outbox, never
 * the reverse. What it needs of courses, links and users comes from {@link fr.competences.lti.course.CourseServices}.
 * <p>May use: {@code assessment}, {@code audit}, {@code config}, {@code errors}, {@code gradebook.rules}, {@code lti.ags},
 * {@code lti.course}, {@code lti.registration}.
 */
package fr.competences.gradebook.outbox;
