package fr.competences.gradebook;

import fr.competences.assessment.MasteryRule;
import fr.competences.gradebook.columns.ColumnStatus;
import fr.competences.gradebook.outbox.DeliveryStatus;
import fr.competences.gradebook.outbox.GradebookDifferences;
import fr.competences.gradebook.outbox.Resend;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.gradebook.rules.CourseGrading;
import fr.competences.gradebook.rules.GradeRule;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.roster.Roster;
import fr.competences.lti.roster.RosterRefresh;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

    /** Per activity, per competency column, then per student and activity or column. */
    public record StatusView(List<DeliveryStatus.ActivitySummary> activities, List<ColumnStatus.ColumnSummary> columns,
            List<DeliveryStatus.Cell> students, List<DeliveryStatus.WaitingActivity> waiting) {
    }

    /** The course's competency columns: their grain, how mastery is read, and where each column stands. */
    public record ColumnsView(ColumnMode mode, MasteryRule mastery, List<ColumnStatus.ColumnSummary> columns) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    DeliveryStatus status;

    @Inject
    ColumnStatus columnStatus;

    @Inject
    Gradebook gradebook;

    @Inject
    CourseGrading grading;

    @Inject
    GradebookDifferences differences;

    @Inject
    RosterRefresh roster;

    @GET
    @Path("status")
    @Operation(summary = "État de la synchronisation des notes du cours : par activité et par étudiant, et les "
            + "activités dont les notes attendent leur colonne (waiting : à ouvrir une fois dans Moodle)")
    public StatusView status() {
        List<DeliveryStatus.Cell> cells = status.cells(current.courseId());
        return new StatusView(status.activities(cells), columnStatus.columns(current.courseId(), cells), cells,
                status.waiting(current.courseId()));
    }

    @POST
    @Path("resync")
    @Operation(summary = "Renvoie toutes les notes du cours au carnet de notes")
    public Map<String, Integer> resyncCourse() {
        return Map.of("queued", gradebook.resyncCourse(current.courseId(), Resend.ALL));
    }

    @POST
    @Path("activities/{activityId}/resync")
    @Operation(summary = "Renvoie les notes d’une activité au carnet de notes")
    public Map<String, Integer> resyncActivity(@PathParam("activityId") long activityId) {
        return Map.of("queued", gradebook.resyncActivity(current.courseId(), activityId, Resend.ALL));
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
    @Operation(summary = "Choisit la règle de calcul des notes du cours ; les notes qui changent sont renvoyées")
    public Map<String, Object> chooseRule(JsonObject body) {
        Gradebook.RuleChosen chosen = gradebook.chooseRule(current.courseId(), body.getString("rule", null),
                current.userId());
        return Map.of("rule", chosen.rule(), "queued", chosen.queued());
    }

    @GET
    @Path("columns")
    @Operation(summary = "Colonnes de compétences du cours : par bloc ou par compétence, maîtrise, état de chaque colonne")
    public ColumnsView columns() {
        CourseGrading.Columns chosen = grading.columns(current.courseId());
        return new ColumnsView(chosen.mode(), chosen.mastery(),
                columnStatus.columns(current.courseId(), status.cells(current.courseId())));
    }

    @PUT
    @Path("columns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choisit les colonnes de compétences du cours (NONE, BLOCK, SKILL) et la lecture de la maîtrise "
            + "(LATEST, HIGHEST, AVERAGE) ; les colonnes sont créées ou supprimées dans le carnet de notes")
    public Map<String, Object> chooseColumns(JsonObject body) {
        Gradebook.ColumnsChosen chosen = gradebook.chooseColumns(current.courseId(), body.getString("mode", null),
                body.getString("mastery", null), current.userId());
        return Map.of("mode", chosen.mode(), "mastery", chosen.mastery(), "queued", chosen.queued());
    }

    @GET
    @Path("activities/{activityId}/differences")
    @Operation(summary = "Compare les notes d’une activité avec celles du carnet de notes de la plateforme")
    public List<GradebookDifferences.Difference> differences(@PathParam("activityId") long activityId) {
        return differences.ofActivity(current.courseId(), activityId);
    }

    @GET
    @Path("columns/{columnId}/differences")
    @Operation(summary = "Compare les notes d’une colonne de compétence avec celles du carnet de notes de la plateforme")
    public List<GradebookDifferences.Difference> columnDifferences(@PathParam("columnId") long columnId) {
        return differences.ofColumn(current.courseId(), columnId);
    }

    @POST
    @Path("roster")
    @Operation(summary = "Relit la liste des membres du cours sur la plateforme (NRPS)")
    public Roster.Outcome refreshRoster() {
        return roster.refresh(current.courseId());
    }
}
