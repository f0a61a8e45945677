package fr.competences.backup;

import fr.competences.admin.AdminOnly;
import fr.competences.backup.archive.BackupArchive;
import fr.competences.backup.archive.BackupDownload;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The backup, for the administrator: {@code java -jar competences-lti.jar backup} calls it, or
 * {@code curl -X POST -H "Authorization: Bearer $ADMIN_TOKEN" …/api/admin/backup -o backup.zip}.
 */
@Path(BackupDownload.API_PATH)
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Administration", description = "Sauvegarde")
public class BackupResource {

    @Inject
    Backups backups;

    @POST
    @Produces(BackupArchive.MEDIA_TYPE)
    @Operation(summary = "Sauvegarde complète en une archive ZIP : la base (instantané) et les fichiers de preuves "
            + "qu'elle cite. Un secret : elle contient les clés de l’outil et les données des étudiants.")
    @APIResponse(responseCode = "200", description = "L'archive, vérifiable et restaurable par "
            + "« java -jar competences-lti.jar restore »")
    @APIResponse(responseCode = "409", description = "Une sauvegarde est déjà en préparation")
    @APIResponse(responseCode = "503", description = "Outil de la base absent (pg_dump) ou fichiers supprimés pendant "
            + "chaque tentative")
    public Response backup() {
        StagedBackup staged = backups.stage();
        StreamingOutput archive = out -> backups.write(staged, out);
        return Response.ok(archive, BackupArchive.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + staged.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
