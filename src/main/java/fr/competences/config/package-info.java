/**
 * Configuration from the environment (PORT, PUBLIC_URL, DATA_DIR, DB_*, ADMIN_TOKEN) through MicroProfile
 * Config, derived once and read through {@link fr.competences.config.Settings}.
 */
package fr.competences.config;
