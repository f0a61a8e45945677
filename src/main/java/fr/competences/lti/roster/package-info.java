/**
 * A course's roster as the platform gives it (NRPS 2.0): members who never launched the tool are provisioned, and
 * each member's status (Active, Inactive, Deleted) kept, so that grids and progress list every student.
 */
package fr.competences.lti.roster;
