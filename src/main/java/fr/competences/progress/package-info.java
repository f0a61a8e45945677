/**
 * Progress: each student's mastery of each skill a course assesses, across all its activities (read with the course's
 * {@link fr.competences.assessment.MasteryRule}, the same reading as the gradebook's competency columns), shown to
 * the student as their référentiel's tree with a chart per bloc, and to the teachers as a class grid. Read only: it
 * writes nothing but the audit line of a CSV export. Knows the {@code assessment} results, the course's members and roster status; never the LTI
 * services or the grade sync.
 * <p>May use: {@code assessment}, {@code audit}, {@code errors}, {@code lti.course}, {@code lti.roster}, {@code lti.session},
 * {@code referential..}, {@code view}.
 */
package fr.competences.progress;
