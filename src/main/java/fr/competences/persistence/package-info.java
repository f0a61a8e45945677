/**
 * The data source (H2 by default, PostgreSQL when DB_URL says so) and the Flyway migrations that own
 * the schema.
 * <p>May use: nothing of ours.
 */
package fr.competences.persistence;
