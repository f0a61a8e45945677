package fr.competences.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only the application's own system user may read: the H2 database (which holds the tool's private keys and
 * session secret), the students' evidence files. Directories 0700, files 0600, whatever the process's umask. On a file
 * system without POSIX permissions (Windows), nothing is done: its ACLs are the administrator's business.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** Creates the directory and its missing parents' last level as 0700, or makes an existing one 0700. */
    public static Path directory(Path dir) {
        try {
            if (!posix()) {
                return Files.createDirectories(dir);
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                    // another thread created it: set its permissions below
                }
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de créer " + dir + " en accès réservé", e);
        }
    }

    /**
     * Takes group and others' rights away from every file and directory under {@code root} (included) that has some,
     * e.g. files created before this rule or by a library honouring the umask (H2). Returns how many were changed.
     */
    public static int tighten(Path root) {
        if (!posix() || !Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            int changed = 0;
            for (Path path : paths.toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
                if (current.stream().anyMatch(OTHERS::contains)) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                    changed++;
                }
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de restreindre les droits de " + root, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
