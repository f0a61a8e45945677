package fr.competences.backup.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories only their owner may read (0600, 0700): backups and restored data hold the tool's keys, its
 * session secret and the students' work. Created so from the start, never opened to others first. Off POSIX
 * systems (Windows) the directory's own access rules apply.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates a directory and its missing parents; the directory itself (not the parents) is 0700. */
    public static Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return POSIX ? Files.createDirectory(dir, attribute("rwx------")) : Files.createDirectory(dir);
    }

    /** A new file (never an existing one), 0600, open for writing. */
    public static OutputStream newFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, attribute("rw-------"));
            return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** A new, empty, owner-only file with a unique name in {@code dir}, for what is being downloaded or unpacked. */
    public static Path temporaryFile(Path dir, String prefix) throws IOException {
        return POSIX ? Files.createTempFile(dir, prefix, ".part", attribute("rw-------"))
                : Files.createTempFile(dir, prefix, ".part");
    }

    private static FileAttribute<?> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
