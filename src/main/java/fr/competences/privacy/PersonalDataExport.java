package fr.competences.privacy;

import fr.competences.evidence.EvidenceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One person's data as a download, for every way of asking (the student's and teacher's pages, the JSON API, the
 * administrator): a ZIP archive streamed as it is written (the evidence files one after the other, never the whole
 * archive in memory) holding the files, {@code data.json} and {@code summary.html}; or {@code data.json} alone.
 */
@ApplicationScoped
public class PersonalDataExport {

    private static final Logger LOG = Logger.getLogger(PersonalDataExport.class.getName());

    @Inject
    PersonalData data;

    @Inject
    PersonalSummary summary;

    @Inject
    EvidenceFiles files;

    /** The archive of everything about the user (of one course when {@code courseId} is given). */
    Response zip(long userId, Long courseId, Locale locale, Requester who) {
        PersonalRecord record = data.read(userId, courseId, who);
        Set<Long> missing = missing(record);
        // rendered before streaming: it reads the courses' scales and skills, small next to the files
        byte[] html = summary.render(record, missing, locale).getBytes(StandardCharsets.UTF_8);
        StreamingOutput archive = out -> write(record, html, missing, out);
        LOG.info(() -> "Export des données personnelles de l'utilisateur " + userId
                + (courseId == null ? "" : " (cours " + courseId + ")") + " par " + who.describe());
        return Response.ok(archive, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"donnees-personnelles-" + userId + ".zip\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** {@code data.json} alone. */
    Response json(long userId, Long courseId, Requester who) {
        PersonalRecord record = data.read(userId, courseId, who);
        Set<Long> missing = missing(record);
        LOG.info(() -> "Lecture des données personnelles de l'utilisateur " + userId
                + (courseId == null ? "" : " (cours " + courseId + ")") + " par " + who.describe());
        StreamingOutput json = out -> PersonalDataJson.write(record, missing, out);
        return Response.ok(json, "application/json").header("Cache-Control", "no-store").build();
    }

    /** The evidence whose file is not on disk (lost, or removed since the rows were read). */
    private Set<Long> missing(PersonalRecord record) {
        Set<Long> missing = new HashSet<>();
        record.files().stream().filter(file -> !readable(file)).forEach(file -> missing.add(file.evidenceId()));
        return missing;
    }

    private boolean readable(PersonalRecord.EvidenceFile file) {
        try {
            return Files.isRegularFile(files.path(file.storageName()));
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    private void write(PersonalRecord record, byte[] html, Set<Long> missing, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (PersonalRecord.EvidenceFile file : record.files()) {
                if (missing.contains(file.evidenceId())) {
                    continue;
                }
                try (InputStream content = Files.newInputStream(files.path(file.storageName()))) {
                    zip.putNextEntry(new ZipEntry(file.entry()));
                    content.transferTo(zip);
                    zip.closeEntry();
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed by its student since the rows were read: listed as not included
                    missing.add(file.evidenceId());
                    LOG.warning(() -> "Export : fichier de la preuve " + file.evidenceId() + " introuvable");
                }
            }
            zip.putNextEntry(new ZipEntry(ZipEntries.DATA));
            PersonalDataJson.write(record, missing, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ZipEntries.SUMMARY));
            zip.write(html);
            zip.closeEntry();
        }
    }
}
