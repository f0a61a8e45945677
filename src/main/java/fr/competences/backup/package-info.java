/**
 * Backups of everything the tool holds, taken while it runs: {@code POST /api/admin/backup} answers one ZIP archive
 * with the database, copied as of one instant by the database's own tool (H2's {@code BACKUP TO}, PostgreSQL's
 * {@code pg_dump} on an exported snapshot), and exactly the evidence files that copy refers to. Evidence files are
 * written before their row commits and never change, so every file a snapshot refers to existed when it was taken;
 * one removed since waits in the evidence trash, and is taken from there (docs/security.md, "Backups"). The archive's format and the restore command live in {@code backup.archive}. Knows the data source,
 * {@code DATA_DIR} and the evidence table's stored names; nothing of what the rows mean.
 *
 * <p>May use: {@code admin}, {@code backup.archive}, {@code config}, {@code errors}, {@code evidence}, {@code persistence}.
 */
package fr.competences.backup;
