package fr.competences.backup.archive;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a backup holds, written as the archive's last entry ({@value #ENTRY}, a properties file people can read):
 * the archive format, the database it comes from, when, the schema version (Flyway's), and the SHA-256 of the
 * database entry and of each evidence file.
 */
public record Manifest(int format, DatabaseKind database, Instant createdAt, String schemaVersion,
        String databaseSha256, Map<String, String> evidenceSha256) {

    public static final String ENTRY = "backup.properties";
    public static final int FORMAT = 1;
    private static final String EVIDENCE_PREFIX = "evidence.";

    public Manifest {
        evidenceSha256 = Collections.unmodifiableMap(new TreeMap<>(evidenceSha256));
    }

    byte[] toBytes() {
        StringBuilder text = new StringBuilder()
                .append("# Sauvegarde de Compétences LTI / Compétences LTI backup\n")
                .append("# Secret : contient les clés de l'outil et les données des étudiants. ")
                .append("Secret: holds the tool's keys and the students' data.\n")
                .append("format=").append(format).append('\n')
                .append("database=").append(database.name().toLowerCase(java.util.Locale.ROOT)).append('\n')
                .append("createdAt=").append(createdAt).append('\n')
                .append("schemaVersion=").append(schemaVersion).append('\n')
                .append("database.sha256=").append(databaseSha256).append('\n')
                .append("evidence.count=").append(evidenceSha256.size()).append('\n');
        evidenceSha256.forEach((name, sha) -> text.append(EVIDENCE_PREFIX).append(name).append(".sha256=")
                .append(sha).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Manifest read(InputStream in) throws CommandException {
        Properties properties = new Properties();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            properties.load(new java.io.StringReader(bytes.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int format = Integer.parseInt(required(properties, "format"));
            if (format > FORMAT) {
                throw new CommandException("Cette sauvegarde vient d'une version plus récente de l'outil (format " + format
                        + ") : restaurez-la avec cette version ou une plus récente.",
                        "This backup comes from a newer version of the tool (format " + format
                                + "): restore it with that version or a newer one.");
            }
            DatabaseKind database = DatabaseKind.valueOf(required(properties, "database").toUpperCase(java.util.Locale.ROOT));
            Map<String, String> evidence = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith(EVIDENCE_PREFIX) && key.endsWith(".sha256")) {
                    evidence.put(key.substring(EVIDENCE_PREFIX.length(), key.length() - ".sha256".length()),
                            properties.getProperty(key));
                }
            }
            if (evidence.size() != Integer.parseInt(required(properties, "evidence.count"))) {
                throw unreadable(null);
            }
            return new Manifest(format, database, Instant.parse(required(properties, "createdAt")),
                    required(properties, "schemaVersion"), required(properties, "database.sha256"), evidence);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw unreadable(e);
        }
    }

    private static String required(Properties properties, String key) throws CommandException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw unreadable(null);
        }
        return value.strip();
    }

    private static CommandException unreadable(Exception cause) {
        return new CommandException("Le fichier " + ENTRY + " de l'archive est illisible : ce n'est pas une sauvegarde "
                + "de Compétences LTI, ou elle a été modifiée.", "The archive's " + ENTRY + " cannot be read: this is not "
                + "a Compétences LTI backup, or it was modified.", cause);
    }
}
