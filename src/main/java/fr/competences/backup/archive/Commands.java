package fr.competences.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands {@code java -jar competences-lti.jar} runs instead of the application when its first argument names
 * one ({@code fr.competences.Launcher} asks): {@code backup} and {@code restore}. Exit code 0 when done, 1 when
 * refused or failed (the message says why and what to do), 2 for a wrong command line.
 */
public final class Commands {

    private static final String BACKUP = "backup";
    private static final String RESTORE = "restore";

    private Commands() {
    }

    public static boolean handles(String firstArgument) {
        return BACKUP.equals(firstArgument) || RESTORE.equals(firstArgument);
    }

    public static int run(List<String> arguments, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        CommandEnvironment environment = CommandEnvironment.ofProcess();
        List<String> rest = new ArrayList<>(arguments.subList(1, arguments.size()));
        try {
            if (BACKUP.equals(arguments.getFirst())) {
                String url = option(rest, "--url");
                if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("--"))) {
                    return usage(stderr);
                }
                String file = rest.isEmpty() ? null : rest.getFirst();
                // with "-" the archive is the standard output: messages go to the error output
                new BackupDownload(environment, "-".equals(file) ? stderr : stdout).run(url, file, stdout);
                return 0;
            }
            if (rest.size() != 1 || rest.getFirst().startsWith("--")) {
                return usage(stderr);
            }
            restore(environment, rest.getFirst(), stdin, stdout);
            return 0;
        } catch (CommandException e) {
            stderr.println(e.say());
            return 1;
        }
    }

    private static void restore(CommandEnvironment environment, String archive, InputStream stdin, PrintStream stdout)
            throws CommandException {
        if (!"-".equals(archive)) {
            new Restore(environment, stdout).run(Path.of(archive));
            return;
        }
        Path copy = null;
        try {
            // a ZIP is read from its end: keep the standard input in an owner-only file first
            copy = OwnerOnly.temporaryFile(Path.of(System.getProperty("java.io.tmpdir")), "competences-restore-");
            try (var out = Files.newOutputStream(copy, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                stdin.transferTo(out);
            }
            new Restore(environment, stdout).run(copy);
        } catch (IOException e) {
            throw new CommandException("Lecture de l'entrée standard impossible : " + e.getMessage(),
                    "Cannot read the standard input: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // owner-only
                }
            }
        }
    }

    private static String option(List<String> arguments, String name) {
        int at = arguments.indexOf(name);
        if (at < 0 || at + 1 >= arguments.size()) {
            return null;
        }
        String value = arguments.get(at + 1);
        arguments.subList(at, at + 2).clear();
        return value;
    }

    private static int usage(PrintStream stderr) {
        stderr.println(Terminal.say("""
                Usage :
                  java -jar competences-lti.jar backup [--url URL] [FICHIER|-]
                      sauvegarde l'application qui tourne (ADMIN_TOKEN, PORT ou --url) dans FICHIER (0600)
                  java -jar competences-lti.jar restore FICHIER|-
                      restaure dans DATA_DIR vide (et, pour PostgreSQL, la base vide de DB_URL)""", """
                Usage:
                  java -jar competences-lti.jar backup [--url URL] [FILE|-]
                      backs the running application up (ADMIN_TOKEN, PORT or --url) into FILE (0600)
                  java -jar competences-lti.jar restore FILE|-
                      restores into an empty DATA_DIR (and, for PostgreSQL, the empty database of DB_URL)"""));
        return 2;
    }
}
