/**
 * Configuration from the environment (PORT, PUBLIC_URL, DATA_DIR, DB_*, ADMIN_TOKEN) through MicroProfile
 * Config, derived once and read through {@link fr.competences.config.Settings}.
 * <p>May use: nothing of ours.
 */
package fr.competences.config;
