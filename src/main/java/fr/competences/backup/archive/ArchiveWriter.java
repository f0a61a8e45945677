package fr.competences.backup.archive;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a backup archive: the database, the evidence files, then the {@link Manifest} with their checksums. */
public final class ArchiveWriter {

    private final ZipOutputStream zip;
    private final DatabaseKind database;
    private final Map<String, String> evidence = new TreeMap<>();
    private String databaseSha256;

    /** {@code out} stays open: the caller owns it. */
    public ArchiveWriter(OutputStream out, DatabaseKind database) {
        this.zip = new ZipOutputStream(out);
        this.database = database;
    }

    /** The database entry; returns its SHA-256. */
    public String database(Path file) throws IOException {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        databaseSha256 = entry(database.entryName(), file);
        return databaseSha256;
    }

    /** One evidence file under its stored name; returns its SHA-256. */
    public String evidence(String storedName, Path file) throws IOException {
        if (!BackupArchive.storedName(storedName)) {
            throw new IllegalArgumentException("Nom de fichier de preuve inattendu : " + storedName);
        }
        // PDFs, images and office files are compressed already: deflate them quickly, not hard
        zip.setLevel(Deflater.BEST_SPEED);
        String sha256 = entry(BackupArchive.EVIDENCE_DIR + storedName, file);
        evidence.put(storedName, sha256);
        return sha256;
    }

    /** Writes the manifest, last, and ends the ZIP (the underlying stream stays open). */
    public Manifest finish(Instant createdAt, String schemaVersion) throws IOException {
        if (databaseSha256 == null) {
            throw new IllegalStateException("Une sauvegarde sans base de données n'en est pas une");
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, database, createdAt, schemaVersion, databaseSha256, evidence);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(manifest.toBytes());
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return manifest;
    }

    private String entry(String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), Checksums.sha256());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                zip.write(buffer, 0, read);
                digest.write(buffer, 0, read);
            }
        }
        zip.closeEntry();
        return Checksums.hex(digest.getMessageDigest());
    }
}
