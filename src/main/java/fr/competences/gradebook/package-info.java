/**
 * Gradebook sync: competency results become platform grades (1EdTech AGS 2.0) and the course roster comes from
 * the platform (NRPS 2.0). A change of positions enqueues, in its own transaction, the latest score of each
 * (activity, student) in a durable outbox ({@link fr.competences.gradebook.ScoreSync}), and of each (competency
 * column, student) when the course has competency columns ({@link fr.competences.gradebook.CompetencyColumns}); a
 * worker delivers them with retries, leases and backoff, keeps the columns' line items in line, and the teacher sees
 * each outcome. Knows {@code assessment} results and the
 * {@code lti} services; never the launch, the session internals or the web pages.
 */
package fr.competences.gradebook;
