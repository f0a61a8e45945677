package fr.competences.backup.archive;

import java.util.regex.Pattern;

/**
 * The layout of a backup archive, a ZIP file: {@code database/competences.mv.db} (H2, a copy made by H2's
 * {@code BACKUP TO}) or {@code database/postgresql.dump} ({@code pg_dump}'s custom format), one
 * {@code evidence/<stored name>} per evidence file the database refers to, and {@link Manifest#ENTRY} last, with
 * the SHA-256 of every other entry: an archive cut short has no manifest and is refused whole.
 */
public final class BackupArchive {

    public static final String DATABASE_DIR = "database/";
    public static final String EVIDENCE_DIR = "evidence/";
    public static final String MEDIA_TYPE = "application/zip";

    /** Evidence files are stored under random names such as {@code 5f0c….pdf}; nothing else is taken from an archive. */
    private static final Pattern STORED_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The databases a backup can come from, and the database entry of each. */
    public enum DatabaseKind {
        H2("competences.mv.db"), POSTGRESQL("postgresql.dump");

        private final String fileName;

        DatabaseKind(String fileName) {
            this.fileName = fileName;
        }

        /** The database's file in the archive, and in {@code DATA_DIR} for H2. */
        public String fileName() {
            return fileName;
        }

        public String entryName() {
            return DATABASE_DIR + fileName;
        }

        /** H2 unless the JDBC URL says PostgreSQL (an unset {@code DB_URL} is H2 in {@code DATA_DIR}). */
        public static DatabaseKind of(String jdbcUrl) {
            return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
        }
    }

    private BackupArchive() {
    }

    /** A name the application could have given an evidence file: no directory, no dot first, nothing odd. */
    public static boolean storedName(String name) {
        return name != null && STORED_NAME.matcher(name).matches() && !name.contains("..");
    }
}
