/**
 * The BTS SIO exam portfolio: each student's réalisations professionnelles with the fields of the fiche descriptive
 * and the bloc 1 and bloc 2 compétences each mobilises, the live coverage the exam asks for (every bloc 1 compétence
 * mobilised, two réalisations for bloc 2: {@link fr.competences.portfolio.Coverage}), read by teachers of a course
 * where the student is a learner. A portfolio belongs to the student on a platform (platform + LTI user), never to a
 * course: it follows them across courses and both years, and two platforms never share one. Nothing of ours uses it.
 * <p>May use: {@code audit}, {@code config}, {@code errors}, {@code lti.course}, {@code lti.roster},
 * {@code lti.session}, {@code referential..}, {@code view}.
 */
package fr.competences.portfolio;
