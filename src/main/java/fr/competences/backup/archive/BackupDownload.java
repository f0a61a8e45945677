package fr.competences.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar competences-lti.jar backup [--url URL] [FILE|-]}: asks the running application
 * ({@code POST /api/admin/backup} with {@code ADMIN_TOKEN}, on {@code http://localhost:$PORT} unless {@code --url}
 * says otherwise) for a backup, writes it to an owner-only (0600) file, checks it whole, and only then gives it its
 * name ({@code competences-backup-<date>.zip} by default; {@code -} writes it to the standard output).
 */
public final class BackupDownload {

    public static final String API_PATH = "/api/admin/backup";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern PROBLEM_DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final CommandEnvironment environment;
    private final PrintStream messages;

    public BackupDownload(CommandEnvironment environment, PrintStream messages) {
        this.environment = environment;
        this.messages = messages;
    }

    /** Downloads into {@code file} (null: a dated name in the current directory; "-": {@code stdout}). */
    public void run(String url, String file, OutputStream stdout) throws CommandException {
        String token = environment.get("ADMIN_TOKEN");
        if (token == null) {
            throw new CommandException("ADMIN_TOKEN n'est pas défini : donnez-lui la valeur qu'a l'application.",
                    "ADMIN_TOKEN is not set: give it the application's value.");
        }
        boolean toStdout = "-".equals(file);
        Path target = toStdout ? null : Path.of(file != null ? file
                : "competences-backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip").toAbsolutePath();
        if (target != null && Files.exists(target)) {
            throw new CommandException(target + " existe déjà : une sauvegarde n'en remplace pas une autre.",
                    target + " already exists: a backup does not replace another.");
        }
        URI endpoint = URI.create((url != null ? url : "http://localhost:" + environment.port()).replaceAll("/+$", "")
                + API_PATH);
        Path part = null;
        try {
            part = OwnerOnly.temporaryFile(toStdout ? Path.of(System.getProperty("java.io.tmpdir"))
                    : target.getParent(), "competences-backup-");
            download(endpoint, token, part);
            Manifest manifest;
            try (ArchiveReader archive = ArchiveReader.open(part)) {
                archive.verify();
                manifest = archive.manifest();
            }
            if (toStdout) {
                Files.copy(part, stdout);
                stdout.flush();
            } else {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            long size = toStdout ? Files.size(part) : Files.size(target);
            messages.println(Terminal.say(
                    "Sauvegarde vérifiée" + (toStdout ? "" : ", écrite dans " + target + " (lisible par vous seul)") + " : "
                            + describe(manifest, size) + ". C'est un secret : elle contient "
                            + "les clés de l'outil et les données des étudiants.",
                    "Backup checked" + (toStdout ? "" : ", written to " + target + " (readable by you only)") + ": "
                            + describe(manifest, size) + ". It is a secret: it holds the tool's "
                            + "keys and the students' data."));
        } catch (IOException e) {
            throw new CommandException("Écriture de la sauvegarde impossible : " + e.getMessage(),
                    "Cannot write the backup: " + e.getMessage(), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover .part file is owner-only
                }
            }
        }
    }

    private void download(URI endpoint, String token, Path part) throws CommandException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token)
                .header("Accept", BackupArchive.MEDIA_TYPE + ", application/problem+json")
                .header("Accept-Language", Terminal.english() ? "en" : "fr").build();
        HttpResponse<Path> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(part, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
        } catch (ConnectException e) {
            throw new CommandException("L'application ne répond pas sur " + endpoint.getHost() + ":" + endpoint.getPort()
                    + " : est-elle démarrée ? (PORT, ou --url https://…)", "The application does not answer on "
                    + endpoint.getHost() + ":" + endpoint.getPort() + ": is it running? (PORT, or --url https://…)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Sauvegarde interrompue", "Backup interrupted", e);
        }
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = Files.newInputStream(part)) {
                body = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            }
            String detail = detail(body);
            throw new CommandException("L'application a refusé la sauvegarde (HTTP " + response.statusCode() + ") : "
                    + detail, "The application refused the backup (HTTP " + response.statusCode() + "): " + detail);
        }
    }

    /** The problem's {@code detail} (RFC 9457), else the start of the body. */
    static String detail(String body) {
        Matcher detail = PROBLEM_DETAIL.matcher(body);
        if (detail.find()) {
            return detail.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static String describe(Manifest manifest, long size) {
        String database = manifest.database() == BackupArchive.DatabaseKind.H2 ? "H2" : "PostgreSQL";
        double megabytes = size / 1_048_576.0;
        int files = manifest.evidenceSha256().size();
        return Terminal.say(database + ", " + manifest.createdAt() + ", schéma " + manifest.schemaVersion() + ", " + files
                        + " fichier(s) de preuves, " + String.format(java.util.Locale.FRENCH, "%.1f", megabytes) + " Mo",
                database + ", " + manifest.createdAt() + ", schema " + manifest.schemaVersion() + ", " + files
                        + " evidence file(s), " + String.format(java.util.Locale.ENGLISH, "%.1f", megabytes) + " MB");
    }
}
