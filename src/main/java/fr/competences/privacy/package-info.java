/**
 * Personal data (RGPD): a person's right of access (everything the tool holds about a student as one ZIP archive:
 * the rows as stored, the evidence files, a readable summary), erasure of one user by the administrator, the
 * retention that erases courses not launched for {@code RETENTION_AFTER_COURSE_END}, and the privacy page. It is the
 * one capability that reads and deletes the other capabilities' tables by SQL of its own, through one list
 * ({@link fr.competences.privacy.PersonalTables}, checked against the schema by a test): it must see them all, and
 * changes none of their rules (it never updates a row a capability owns, except to pseudonymise a user).
 * <p>May use: {@code admin}, {@code assessment}, {@code audit}, {@code config}, {@code errors}, {@code evidence},
 * {@code lti.course}, {@code lti.session}, {@code persistence}, {@code view}.
 */
package fr.competences.privacy;
