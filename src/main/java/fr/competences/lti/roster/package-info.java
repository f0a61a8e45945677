/**
 * A course's roster as the platform gives it (NRPS 2.0): members who never launched the tool are provisioned (through
 * {@link fr.competences.lti.course.Enrolments}, as launches are), each member's status (Active, Inactive, Deleted)
 * kept, read before a page lists a course's students when it was never read
 * ({@link fr.competences.lti.roster.RosterRefresh#beforeListing}), and the course's students listed once, by family
 * name, for the grid, the progress pages and the class grid ({@link fr.competences.lti.roster.CourseStudents}).
 * <p>May use: {@code lti.ags}, {@code lti.course}, {@code lti.nrps}, {@code lti.registration}.
 */
package fr.competences.lti.roster;
