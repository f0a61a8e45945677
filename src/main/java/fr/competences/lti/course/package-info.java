/**
 * What launches provision, in tables designed for the next capabilities (activities mapped to skills, the
 * students × skills grid, gradebook sync): users keyed on (issuer, sub), courses (LTI contexts) per
 * deployment with their NRPS/AGS endpoints, resource links with their line item, and course members with
 * their tool role. Rights are per course: nothing here is shared between courses, deployments or platforms.
 * Users and members come in through {@link fr.competences.lti.course.Enrolments} only, from a launch or the roster;
 * other capabilities read these tables through {@link fr.competences.lti.course.CourseServices} and
 * {@link fr.competences.lti.course.CourseMembers}, never by SQL of their own.
 * <p>May use: {@code audit}.
 */
package fr.competences.lti.course;
