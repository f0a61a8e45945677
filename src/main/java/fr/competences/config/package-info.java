/**
 * Configuration from the environment (PORT, PUBLIC_URL, DATA_DIR, DB_*, ADMIN_TOKEN) through MicroProfile
 * Config, derived once and read through {@link fr.competences.config.Settings}.
 * <p>May use: {@code persistence} (where the H2 file lives).
 */
package fr.competences.config;
