/**
 * Everything that speaks LTI 1.3 (1EdTech LTI Core 1.3, Security Framework 1.0, Dynamic Registration 1.0):
 * platform registrations, the tool's keys, OIDC login and launch validation, the iframe-safe session, and
 * what a launch provisions (users, courses, resource links, members). The only code that knows JWTs, claims
 * and scopes; the rest of the application sees a {@link fr.competences.lti.launch.LaunchContext} or a
 * {@link fr.competences.lti.session.CurrentLaunch}.
 * <p>May use: {@code errors}.
 */
package fr.competences.lti;
