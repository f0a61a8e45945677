/**
 * The data source (H2 by default, PostgreSQL when DB_URL says so), the Flyway migrations that own
 * the schema, and {@code DATA_DIR} kept owner-only ({@link fr.competences.persistence.OwnerOnly}).
 */
package fr.competences.persistence;
