/**
 * The BTS SIO exam portfolio: each student's réalisations professionnelles with the fields of the fiche descriptive
 * and the bloc 1 and bloc 2 compétences each mobilises, the live coverage the exam asks for (every bloc 1 compétence
 * mobilised, two réalisations for bloc 2: {@link fr.competences.portfolio.Coverage}), read by teachers of a course
 * where the student is a learner. A portfolio belongs to the student on a platform (platform + LTI user), never to a
 * course: it follows them across courses and both years, and two platforms never share one. The student attaches
 * activities and evidence of their courses; the teachers' levels on them are hints, read from {@code assessment}.
 * Nothing of ours uses it but the personal-data catalogue, which names its tables in SQL.
 * <p>May use: {@code assessment}, {@code audit}, {@code config}, {@code errors}, {@code evidence}, {@code lti.course},
 * {@code lti.roster}, {@code lti.session}, {@code referential..}, {@code view}.
 */
package fr.competences.portfolio;
