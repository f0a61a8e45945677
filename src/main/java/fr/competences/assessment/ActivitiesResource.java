package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The activities of the session's course. Teachers create and edit them; members of the course read them.
 * Authenticated by the launch session (header {@code X-Lti-Session}, never a cookie: that is also the CSRF
 * protection). Edits carry the version read in {@code If-Match}: a concurrent edit is refused, never overwritten.
 */
@ApplicationScoped
@Path("api/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activités", description = "Activités du cours et compétences évaluées")
public class ActivitiesResource {

    @Inject
    CurrentLaunch current;

    @Inject
    Activities activities;

    @GET
    @LtiSession(CourseRole.TEACHER)
    @Operation(summary = "Les activités du cours")
    public List<ActivityView> list() {
        return activities.ofCourse(current.courseId());
    }

    @GET
    @Path("{id}")
    @LtiSession
    @Operation(summary = "Une activité du cours : consignes, compétences évaluées, note maximale")
    @APIResponse(responseCode = "404", description = "Pas une activité de ce cours")
    public Response get(@PathParam("id") long id) {
        ActivityView activity = activities.require(current.courseId(), id);
        return Response.ok(activity).tag(tag(activity)).build();
    }

    @POST
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Crée une activité ; attachToLaunch=true la rattache à l'activité Moodle lancée")
    @APIResponse(responseCode = "201", description = "Créée")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    public Response create(ActivityDraft draft, @Parameter(description = "rattacher au lien lancé")
            @QueryParam("attachToLaunch") boolean attachToLaunch) {
        ActivityView created = activities.create(current.courseId(), current.userId(), required(draft));
        if (attachToLaunch && current.session().resourceLinkId() != null) {
            created = activities.attach(current.courseId(), created.id(), current.session().resourceLinkId());
        }
        return Response.created(URI.create("/api/activities/" + created.id())).entity(created).tag(tag(created)).build();
    }

    @PUT
    @Path("{id}")
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Modifie une activité (titre, consignes, compétences, coefficients, note maximale)")
    @APIResponse(responseCode = "409", description = "Modifiée entre-temps par un autre enseignant")
    @APIResponse(responseCode = "428", description = "En-tête If-Match (version lue) manquant")
    public Response update(@PathParam("id") long id, ActivityDraft draft, @HeaderParam("If-Match") String ifMatch) {
        ActivityView updated = activities.update(current.courseId(), id, required(draft), Versions.of(ifMatch));
        return Response.ok(updated).tag(tag(updated)).build();
    }

    static ActivityDraft required(ActivityDraft draft) {
        if (draft == null) {
            throw ProblemException.bodyMissing(LocalizedText.of("Envoyez l’activité en JSON.", "Send the activity as JSON."));
        }
        return draft;
    }

    private static EntityTag tag(ActivityView activity) {
        return new EntityTag(Integer.toString(activity.version()));
    }
}
