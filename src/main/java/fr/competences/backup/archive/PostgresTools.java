package fr.competences.backup.archive;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * PostgreSQL's own tools, {@code pg_dump}, {@code pg_restore} and {@code psql}, from the directory {@code PG_BIN} names
 * or else the {@code PATH}. They must be of the server's major version or newer ({@code pg_dump} refuses a newer
 * server). Their process gets the machine's usual variables and the connection's, not the application's others
 * ({@code ADMIN_TOKEN}, {@code DB_PASSWORD}).
 */
public final class PostgresTools {

    private static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "TZ", "TMPDIR", "SYSTEMROOT");
    private static final int KEPT_OUTPUT = 4000;

    private final Path binDir;
    private final String path;

    PostgresTools(Path binDir, String path) {
        this.binDir = binDir;
        this.path = path;
    }

    /** From {@code PG_BIN} (a directory) or the {@code PATH} of this environment. */
    public static PostgresTools from(UnaryOperator<String> environment) {
        String bin = environment.apply("PG_BIN");
        return new PostgresTools(bin == null || bin.isBlank() ? null : Path.of(bin.strip()), environment.apply("PATH"));
    }

    /** What a tool printed and how it ended. */
    public record Result(int exitCode, String output, String errors) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The tool's executable; refuses with what to install when it is missing. */
    public Path find(String tool) throws CommandException {
        List<Path> candidates = new ArrayList<>();
        if (binDir != null) {
            candidates.add(binDir.resolve(tool));
        } else if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, tool));
                    candidates.add(Path.of(dir, tool + ".exe"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new CommandException(
                tool + " introuvable" + (binDir != null ? " dans PG_BIN (" + binDir + ")" : "") + " : installez le client "
                        + "PostgreSQL (Debian, Ubuntu : apt-get install postgresql-client), de la version du serveur ou "
                        + "plus récente, ou donnez son dossier dans la variable PG_BIN.",
                tool + " not found" + (binDir != null ? " in PG_BIN (" + binDir + ")" : "") + ": install the PostgreSQL "
                        + "client (Debian, Ubuntu: apt-get install postgresql-client), of the server's version or newer, "
                        + "or give its directory in the PG_BIN variable."));
    }

    /** Runs a tool against {@code connection}, feeding it {@code input} when not null, and waits for its end. */
    public Result run(String tool, List<String> arguments, PostgresConnection connection, InputStream input)
            throws CommandException {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !INHERITED.contains(name) && !name.startsWith("LC_")
                && !name.startsWith("PG"));
        environment.putAll(connection.environment());
        try {
            Process process = builder.start();
            Thread errors = drain(process.getErrorStream());
            Thread output = drain(process.getInputStream());
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    input.transferTo(stdin);
                }
            } catch (IOException ended) {
                // the tool stopped reading: it says why on its standard error
            }
            int exitCode = process.waitFor();
            errors.join();
            output.join();
            return new Result(exitCode, ((Drain) output).text(), ((Drain) errors).text());
        } catch (IOException e) {
            throw new CommandException(tool + " n'a pas pu être lancé : " + e.getMessage(),
                    tool + " could not be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(tool + " interrompu", tool + " interrupted", e);
        }
    }

    private static Thread drain(InputStream stream) {
        Drain drain = new Drain(stream);
        drain.setDaemon(true);
        drain.start();
        return drain;
    }

    /** Reads a process's stream to its end, keeping its last characters (a dump's errors can be long). */
    private static final class Drain extends Thread {

        private final InputStream stream;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream stream) {
            super("pg-tool-output");
            this.stream = stream;
        }

        @Override
        public void run() {
            try (stream) {
                stream.transferTo(kept);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            String all = kept.toString(StandardCharsets.UTF_8).strip();
            return all.length() <= KEPT_OUTPUT ? all : "…" + all.substring(all.length() - KEPT_OUTPUT);
        }
    }
}
