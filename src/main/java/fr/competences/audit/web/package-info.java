/**
 * Reading the audit trail: a course's log for its teachers, as a page and as JSON from one service
 * ({@link fr.competences.audit.web.CourseLog}, names of users and activities read from {@code lti.course} and
 * {@code assessment} when shown), and the whole log and the purge for the administrator. Kept apart from
 * {@code fr.competences.audit} so that the log itself depends on none of the capabilities that write to it.
 *
 * <p>May use: {@code admin}, {@code assessment}, {@code audit}, {@code errors}, {@code lti.course}, {@code lti.session},
 * {@code view}.
 */
package fr.competences.audit.web;
