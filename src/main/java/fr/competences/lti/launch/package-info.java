/**
 * The LTI 1.3 launch: third-party initiated OIDC login (step 1-2), the id_token POST (step 3) validated by
 * {@link fr.competences.lti.launch.LaunchValidator} as a chain of named steps, provisioning, and the hand-over
 * to the iframe-safe session. Specs: https://www.imsglobal.org/spec/lti/v1p3/ and
 * https://www.imsglobal.org/spec/security/v1p0/#openid_connect_launch_flow
 * <p>The beans here are package-private classes with public methods: Weld calls package-private methods of
 * proxied beans through reflection, a measurable cost on the launch path.
 * <p>May use: {@code audit}, {@code config}, {@code errors}, {@code http}, {@code lti}, {@code lti.course}, {@code lti.deeplinking},
 * {@code lti.keys}, {@code lti.outbound}, {@code lti.registration}, {@code lti.session}, {@code persistence},
 * {@code view}.
 */
package fr.competences.lti.launch;
