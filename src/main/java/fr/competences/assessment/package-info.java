/**
 * Activities and assessment: activities of a course mapped to référentiel skills (a compétence or a
 * savoir-faire, with weights and a maximum grade), the course's scale, each student's positions per skill with
 * the teacher's comment (saved atomically, optimistic locking per student sheet), their append-only history,
 * students' self-assessment, and a student's mastery of a skill across activities
 * ({@link fr.competences.assessment.Mastery}). Boundaries: {@link fr.competences.assessment.Activities},
 * {@link fr.competences.assessment.Scales}, {@link fr.competences.assessment.Assessments} (which fires
 * {@link fr.competences.assessment.PositionsChanged} inside the saving transaction). Users, courses and resource
 * links are plain ids of the LTI tables: the domain knows nothing of LTI; only the {@code *Resource} classes read
 * the caller from the LTI session. Nothing here knows the gradebook.
 * <p>May use: {@code audit}, {@code errors}, {@code referential..}, {@code view}. Its {@code *Resource} classes may also use:
 * {@code input}, {@code lti.course}, {@code lti.roster}, {@code lti.session}.
 */
package fr.competences.assessment;
