/**
 * Competency columns: the gradebook columns a course needs (one per bloc or per skill,
 * {@link fr.competences.gradebook.columns.ColumnPlan}), each student's mastery grade in each
 * ({@link fr.competences.gradebook.columns.ColumnGrades}), put in the outbox, and the platform's line items kept in line
 * with them ({@link fr.competences.gradebook.columns.ColumnKeeper}).
 * <p>May use: {@code assessment}, {@code errors}, {@code gradebook.outbox}, {@code gradebook.rules}, {@code lti.ags},
 * {@code lti.course}, {@code lti.registration}, {@code referential..}.
 */
package fr.competences.gradebook.columns;
