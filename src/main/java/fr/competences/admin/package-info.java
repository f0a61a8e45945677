/**
 * Administration access: the bearer {@code ADMIN_TOKEN} that guards the admin API.
 */
package fr.competences.admin;
