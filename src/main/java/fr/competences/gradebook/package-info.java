/**
 * Gradebook sync: competency results become platform grades (1EdTech AGS 2.0). A change of positions enqueues, in
 * its own transaction, the latest score of each (activity, student) and, when the course has competency columns, of
 * each (competency column, student); a worker delivers them with retries, leases and backoff, and the teacher sees
 * each outcome. This package holds the application service ({@link fr.competences.gradebook.Gradebook}) that the
 * JSON resource and the pages call; the parts live in sub-packages: {@code rules} (how levels become a grade, the
 * course's choices), {@code outbox} (the durable outbox, its worker and delivery), {@code columns} (competency
 * columns). Knows {@code assessment} results and the {@code lti} services; never the launch, the session internals or
 * the web pages.
 * <p>May use: {@code assessment}, {@code errors}, {@code gradebook.columns}, {@code gradebook.outbox},
 * {@code gradebook.rules}, {@code lti.course}, {@code lti.roster}, {@code lti.session}.
 */
package fr.competences.gradebook;
