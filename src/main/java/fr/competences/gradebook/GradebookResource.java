package fr.competences.gradebook;

import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The teacher's view of the gradebook sync of their course (the course of the session, never another): statuses,
 * resync, differences with the platform's gradebook, and the roster.
 */
@Path("api/gradebook")
@LtiSession(CourseRole.TEACHER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Carnet de notes")
public class GradebookResource {

    /** Per activity, then per student and activity. */
    public record StatusView(List<SyncStatus.ActivitySummary> activities, List<SyncStatus.Cell> students) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    SyncStatus status;

    @Inject
    ScoreOutbox outbox;

    @Inject
    GradebookDifferences differences;

    @Inject
    RosterSync roster;

    @GET
    @Path("status")
    @Operation(summary = "État de la synchronisation des notes du cours : par activité et par étudiant")
    public StatusView status() {
        List<SyncStatus.Cell> cells = status.cells(current.courseId());
        return new StatusView(status.activities(cells), cells);
    }

    @POST
    @Path("resync")
    @Operation(summary = "Renvoie toutes les notes du cours au carnet de notes")
    public Map<String, Integer> resyncCourse() {
        return Map.of("queued", outbox.resend(current.courseId(), null));
    }

    @POST
    @Path("activities/{activityId}/resync")
    @Operation(summary = "Renvoie les notes d’une activité au carnet de notes")
    public Map<String, Integer> resyncActivity(@PathParam("activityId") long activityId) {
        return Map.of("queued", outbox.resend(current.courseId(), activityId));
    }

    @GET
    @Path("activities/{activityId}/differences")
    @Operation(summary = "Compare les notes d’une activité avec celles du carnet de notes de la plateforme")
    public List<GradebookDifferences.Difference> differences(@PathParam("activityId") long activityId) {
        return differences.of(current.courseId(), activityId);
    }

    @POST
    @Path("roster")
    @Operation(summary = "Relit la liste des membres du cours sur la plateforme (NRPS)")
    public Roster.Outcome refreshRoster() {
        return roster.refresh(current.courseId());
    }
}
