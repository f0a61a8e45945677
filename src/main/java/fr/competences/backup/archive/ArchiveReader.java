package fr.competences.backup.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a backup archive and refuses, before anything is written anywhere, one that is not whole: not a ZIP (or
 * one cut short: its directory is at the end), no manifest, an entry the manifest does not list or a listed one
 * missing, a name that could leave the target directory. {@link #verify()} then checks every checksum.
 */
public final class ArchiveReader implements Closeable {

    private final ZipFile zip;
    private final Manifest manifest;

    private ArchiveReader(ZipFile zip, Manifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    public static ArchiveReader open(Path file) throws CommandException {
        if (!Files.isRegularFile(file)) {
            throw new CommandException("Archive introuvable : " + file, "Archive not found: " + file);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new CommandException("« " + file + " » n'est pas une archive ZIP complète : téléchargement interrompu ? "
                    + "Refaites la sauvegarde.", "\"" + file + "\" is not a complete ZIP archive: was the download cut "
                    + "short? Make the backup again.", e);
        } catch (IOException e) {
            throw new CommandException("Lecture de « " + file + " » impossible : " + e.getMessage(),
                    "Cannot read \"" + file + "\": " + e.getMessage(), e);
        }
        try {
            ArchiveReader reader = new ArchiveReader(zip, readManifest(zip));
            reader.checkEntries();
            return reader;
        } catch (CommandException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Reads every entry and compares it with the manifest's checksum. */
    public void verify() throws CommandException {
        check(manifest.database().entryName(), manifest.databaseSha256(), OutputStream.nullOutputStream());
        for (var evidence : manifest.evidenceSha256().entrySet()) {
            check(BackupArchive.EVIDENCE_DIR + evidence.getKey(), evidence.getValue(), OutputStream.nullOutputStream());
        }
    }

    /** The database entry as a stream (for {@code pg_restore}). */
    public InputStream database() throws IOException {
        return zip.getInputStream(zip.getEntry(manifest.database().entryName()));
    }

    /** Writes the database entry to a new owner-only file, checked against the manifest. */
    public void extractDatabase(Path target) throws CommandException, IOException {
        extract(manifest.database().entryName(), manifest.databaseSha256(), target);
    }

    /** Writes every evidence file into {@code dir} (created owner-only), each checked against the manifest. */
    public void extractEvidence(Path dir) throws CommandException, IOException {
        OwnerOnly.directory(dir);
        for (var evidence : manifest.evidenceSha256().entrySet()) {
            extract(BackupArchive.EVIDENCE_DIR + evidence.getKey(), evidence.getValue(), dir.resolve(evidence.getKey()));
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void extract(String entry, String sha256, Path target) throws CommandException, IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = OwnerOnly.newFile(part)) {
            check(entry, sha256, out);
        } catch (CommandException | IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void check(String entry, String sha256, OutputStream out) throws CommandException {
        String actual;
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            actual = Checksums.copy(in, out);
        } catch (IOException e) {
            throw damaged(entry, e);
        }
        if (!actual.equalsIgnoreCase(sha256)) {
            throw damaged(entry, null);
        }
    }

    private static Manifest readManifest(ZipFile zip) throws CommandException {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new CommandException("Cette archive n'a pas de " + Manifest.ENTRY + " : ce n'est pas une sauvegarde de "
                    + "Compétences LTI, ou elle est incomplète.", "This archive has no " + Manifest.ENTRY + ": it is not "
                    + "a Compétences LTI backup, or it is incomplete.");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Manifest.read(in);
        } catch (IOException e) {
            throw damaged(Manifest.ENTRY, e);
        }
    }

    private void checkEntries() throws CommandException {
        Set<String> expected = new HashSet<>();
        expected.add(Manifest.ENTRY);
        expected.add(manifest.database().entryName());
        for (String name : manifest.evidenceSha256().keySet()) {
            if (!BackupArchive.storedName(name)) {
                throw unexpected(name);
            }
            expected.add(BackupArchive.EVIDENCE_DIR + name);
        }
        Set<String> present = new HashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!expected.contains(name)) {
                throw unexpected(name);
            }
            present.add(name);
        }
        expected.removeAll(present);
        if (!expected.isEmpty()) {
            String missing = expected.iterator().next();
            throw new CommandException("L'archive est incomplète : « " + missing + " » manque.",
                    "The archive is incomplete: \"" + missing + "\" is missing.");
        }
    }

    private static CommandException unexpected(String name) {
        return new CommandException("L'archive contient « " + name + " », qu'une sauvegarde de Compétences LTI ne contient "
                + "pas : elle a été modifiée ; rien n'est restauré.", "The archive holds \"" + name + "\", which a "
                + "Compétences LTI backup does not: it was modified; nothing is restored.");
    }

    private static CommandException damaged(String entry, Exception cause) {
        return new CommandException("« " + entry + " » est endommagé dans l'archive (somme de contrôle différente) : "
                + "utilisez une autre sauvegarde.", "\"" + entry + "\" is damaged in the archive (checksum differs): use "
                + "another backup.", cause);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
