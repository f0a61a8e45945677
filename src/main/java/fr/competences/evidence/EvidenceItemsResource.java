package fr.competences.evidence;

import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One piece of evidence: its file, downloaded by its owner or a teacher of the course (anyone else: 404, as if it
 * did not exist), and its removal by its owner. Always an attachment, with the detected type and no sniffing.
 */
@ApplicationScoped
@Path("api/evidence/{evidenceId}")
@Tag(name = "Preuves")
public class EvidenceItemsResource {

    @Inject
    CurrentLaunch current;

    @Inject
    Evidences evidences;

    @GET
    @Path("file")
    @LtiSession
    @Operation(summary = "Télécharge le fichier d'une preuve (son auteur ou un enseignant du cours)")
    public Response file(@PathParam("evidenceId") long evidenceId) {
        Evidences.StoredFile file = evidences.file(current.courseId(), evidenceId, current.userId(),
                current.session().isTeacher()).orElseThrow(NotFoundException::new);
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.path().toFile(), file.mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }

    @DELETE
    @LtiSession(CourseRole.STUDENT)
    @Operation(summary = "Retire une de mes preuves")
    public Response delete(@PathParam("evidenceId") long evidenceId) {
        if (!evidences.delete(current.courseId(), evidenceId, current.userId())) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
