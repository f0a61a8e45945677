package fr.competences.evidence;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.input.BodyLimit;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The evidence of an activity: students hand theirs in and list them; teachers of the course list everyone's.
 * Files are sent as the raw request body (their name in {@code name}), so that no multipart parsing is needed.
 */
@ApplicationScoped
@Path("api/activities/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preuves", description = "Preuves déposées par les étudiants")
public class EvidenceResource {

    /** A text or a link (one of the two). */
    public record Note(String text, String url) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    Evidences evidences;

    @GET
    @LtiSession
    @Operation(summary = "Mes preuves (étudiant) ; toutes les preuves de l'activité (enseignant)")
    public List<EvidenceView> list(@PathParam("id") long activityId) {
        return current.session().isTeacher() ? evidences.ofActivity(current.courseId(), activityId)
                : evidences.ofStudent(current.courseId(), activityId, current.userId());
    }

    @POST
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dépose un texte ({\"text\": ...}) ou un lien ({\"url\": \"https://...\"})")
    @APIResponse(responseCode = "201", description = "Déposée")
    @APIResponse(responseCode = "422", description = "Texte vide ou trop long, adresse invalide")
    public Response note(@PathParam("id") long activityId, Note note) {
        if (note == null || (note.text() == null) == (note.url() == null)) {
            throw new ProblemException(422, "evidence-invalid", LocalizedText.of("Preuve à corriger", "Evidence to correct"),
                    LocalizedText.of("Envoyez soit un texte (text), soit un lien (url).",
                            "Send either a text (text) or a link (url)."));
        }
        EvidenceView created = note.text() != null
                ? evidences.addText(current.courseId(), activityId, current.userId(), note.text())
                : evidences.addLink(current.courseId(), activityId, current.userId(), note.url());
        return Response.created(URI.create("/api/evidence/" + created.id())).entity(created).build();
    }

    @POST
    @Path("files")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Dépose un fichier (corps brut, 10 Mo au plus ; type reconnu d'après le contenu)")
    @APIResponse(responseCode = "201", description = "Déposé")
    @APIResponse(responseCode = "413", description = "Plus de 10 Mo")
    @APIResponse(responseCode = "415", description = "Type de fichier refusé")
    @APIResponse(responseCode = "422", description = "Nom vide, ou archive qui se décompresse en plus de 1 Go")
    @BodyLimit(Evidences.MAX_FILE_BYTES)
    public Response file(@PathParam("id") long activityId, @QueryParam("name") String name, InputStream content) {
        EvidenceView created = evidences.addFile(current.courseId(), activityId, current.userId(), name, content);
        return Response.created(URI.create("/api/evidence/" + created.id() + "/file")).entity(created).build();
    }
}
