/**
 * Evidence students hand in for an activity: a short text, a link, or a file (size and type limits, type
 * detected from the content, never from the name). Only the student who handed it in and the course's teachers
 * may read it. Files are stored under {@code DATA_DIR/evidence}, their checks in the database; a removed piece's file
 * waits an hour in {@code evidence/.deleted} for the backups that still refer to it. Knows activities
 * only by id (from {@code assessment}), users and courses by the session.
 * <p>May use: {@code assessment}, {@code audit}, {@code config}, {@code errors}, {@code input}, {@code lti.course},
 * {@code lti.session}, {@code persistence}.
 */
package fr.competences.evidence;
