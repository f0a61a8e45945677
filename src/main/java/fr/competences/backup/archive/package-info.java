/**
 * What runs without the server: the backup archive's format (written by the server, read by the commands) and
 * the two commands of {@code java -jar competences-lti.jar}: {@code backup} (asks the running application for an
 * archive, checks it, keeps it owner-only) and {@code restore} (into an empty data directory and, for PostgreSQL,
 * an empty database, with {@code pg_restore}). The build copies this package to the root of the runnable jar, next
 * to {@code fr.competences.Launcher}, where neither Payara nor the application's libraries are on the class path:
 * it uses the JDK only ({@code BackupArchiveJdkOnlyTest} checks it).
 *
 * <p>May use: {@code config}, {@code evidence}.
 */
package fr.competences.backup.archive;
