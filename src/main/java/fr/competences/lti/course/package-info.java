/**
 * What launches provision, in tables designed for the next capabilities (activities mapped to skills, the
 * students × skills grid, gradebook sync): users keyed on (issuer, sub), courses (LTI contexts) per
 * deployment with their NRPS/AGS endpoints, resource links with their line item, and course members with
 * their tool role. Rights are per course: nothing here is shared between courses, deployments or platforms.
 */
package fr.competences.lti.course;
