package fr.competences.gradebook;

import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.inject.Inject;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
    GradeSync sync;

    @Inject
    CourseGrading grading;

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
        return Map.of("queued", sync.resync(current.courseId(), null, true));
    }

    @POST
    @Path("activities/{activityId}/resync")
    @Operation(summary = "Renvoie les notes d’une activité au carnet de notes")
    public Map<String, Integer> resyncActivity(@PathParam("activityId") long activityId) {
        return Map.of("queued", sync.resync(current.courseId(), activityId, true));
    }

    @GET
    @Path("rule")
    @Operation(summary = "Règle de calcul des notes du cours")
    public Map<String, GradeRule> rule() {
        return Map.of("rule", grading.rule(current.courseId()));
    }

    @PUT
    @Path("rule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Choisit la règle de calcul des notes du cours ; les notes qui changent sont renvoyées")
    public Map<String, Object> chooseRule(JsonObject body) {
        GradeRule rule;
        try {
            rule = GradeRule.valueOf(body.getString("rule", ""));
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(400, "grade-rule", LocalizedText.of("Règle inconnue", "Unknown rule"),
                    LocalizedText.of("Règles possibles : MEAN, ALL_ACQUIRED, PROPORTION_ACQUIRED.",
                            "Rules: MEAN, ALL_ACQUIRED, PROPORTION_ACQUIRED."));
        }
        int queued = grading.choose(current.courseId(), rule, current.userId())
                ? sync.resync(current.courseId(), null, false) : 0;
        return Map.of("rule", rule, "queued", queued);
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
