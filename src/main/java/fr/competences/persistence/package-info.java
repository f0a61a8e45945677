/**
 * The data source (H2 by default, PostgreSQL when DB_URL says so), the Flyway migrations that own the schema, and
 * {@code DATA_DIR} kept owner-only ({@link fr.competences.persistence.OwnerOnly}).
 *
 * <p>What a commit means: on PostgreSQL its server settings decide (durable by default, {@code fsync} and
 * {@code synchronous_commit} on; {@link fr.competences.persistence.DurabilityCheck} warns at startup when they are
 * off); on H2 the URL carries {@code WRITE_DELAY=0} ({@link fr.competences.config.H2Files}), so a commit is
 * written to the database file before it returns. Entities change through their own methods and the persistence unit
 * detects changes by comparison (persistence.xml), so no write is silently dropped (docs/gradebook.md, Durability).
 * <p>May use: {@code config}.
 */
package fr.competences.persistence;
