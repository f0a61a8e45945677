/**
 * Administration access: the bearer {@code ADMIN_TOKEN} that guards the admin API, and the audit line of every call
 * made with it.
 * <p>May use: {@code config}, {@code errors}, {@code audit}.
 */
package fr.competences.admin;
