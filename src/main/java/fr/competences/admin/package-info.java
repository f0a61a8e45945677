/**
 * Administration access: the bearer {@code ADMIN_TOKEN} that guards the admin API, and the audit line of every call
 * made with it.
 * <p>May use: {@code audit}, {@code config}, {@code errors}, {@code http}.
 */
package fr.competences.admin;
