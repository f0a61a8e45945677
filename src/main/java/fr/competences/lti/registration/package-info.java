/**
 * The platforms (LMS registrations) the tool trusts, keyed on (issuer, client_id), and their deployments:
 * dynamic registration, the admin API for manual registration, and the cached lookups launches use.
 */
package fr.competences.lti.registration;
