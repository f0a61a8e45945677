/**
 * The tool's session inside the LMS iframe, without cookies (Safari and others block third-party cookies):
 * a short-lived HMAC-signed token bound to platform, deployment, course, user and role, carried by the pages
 * in the {@code X-Lti-Session} header or the {@code lti_session} parameter, refreshed while the page is used.
 * Resources declare who may call them with {@link fr.competences.lti.session.LtiSession} and read the caller
 * from {@link fr.competences.lti.session.CurrentLaunch}.
 * <p>May use: {@code admin}, {@code errors}, {@code lti}, {@code lti.course}, {@code lti.keys}, {@code lti.registration},
 * {@code view}.
 */
package fr.competences.lti.session;
