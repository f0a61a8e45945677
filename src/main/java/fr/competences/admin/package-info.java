/**
 * Administration access: the bearer {@code ADMIN_TOKEN} that guards the admin API.
 * <p>May use: {@code config}, {@code errors}.
 */
package fr.competences.admin;
