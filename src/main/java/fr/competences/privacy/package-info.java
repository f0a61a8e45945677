/**
 * Personal data (RGPD): a person's right of access (everything the tool holds about a student as one ZIP archive:
 * the rows as stored, the evidence files, a readable summary), erasure of one user by the administrator, the
 * retention that erases courses not launched for {@code RETENTION_AFTER_COURSE_END}, and the privacy page. It works
 * on the tables of every capability through one list ({@link fr.competences.privacy.PersonalTables}), in SQL,
 * because it must see them all and change none of their rules; it knows the LTI session and roles, the evidence
 * files' directory and the course scales (labels), nothing else of the other capabilities.
 */
package fr.competences.privacy;
