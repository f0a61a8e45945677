/**
 * 1EdTech Names and Role Provisioning Services 2.0, tool side (https://www.imsglobal.org/spec/lti-nrps/v2p0/):
 * reads a course's roster, every page, with the same access tokens as AGS.
 * <p>May use: {@code lti.ags}, {@code lti.registration}.
 */
package fr.competences.lti.nrps;
