/**
 * Administration access: the bearer {@code ADMIN_TOKEN} that guards the admin API, and the audit line of every call
 * made with it.
 */
package fr.competences.admin;
