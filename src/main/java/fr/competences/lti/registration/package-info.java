/**
 * The platforms (LMS registrations) the tool trusts, keyed on (issuer, client_id), and their deployments:
 * dynamic registration, the admin API for manual registration, and the cached lookups launches use.
 * <p>May use: {@code admin}, {@code audit}, {@code config}, {@code errors}, {@code http}, {@code input}, {@code lti},
 * {@code lti.outbound}, {@code view}.
 */
package fr.competences.lti.registration;
