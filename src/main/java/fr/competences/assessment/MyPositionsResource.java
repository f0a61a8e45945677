package fr.competences.assessment;

import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A student's own side of an activity: their levels and the teacher's comment, and their self-assessment. */
@ApplicationScoped
@Path("api/activities/{id}/me")
@Produces(MediaType.APPLICATION_JSON)
@LtiSession(CourseRole.STUDENT)
@Tag(name = "Positionnement")
public class MyPositionsResource {

    /** The student's self-assessment: code → level 0..3 (null or absent = none). */
    public record SelfAssessment(Map<String, Integer> levels) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    Assessments assessments;

    @GET
    @Operation(summary = "Mes niveaux, le commentaire de l'enseignant et mon auto-évaluation")
    public SheetView mine(@PathParam("id") long id) {
        return assessments.sheet(current.courseId(), id, current.userId());
    }

    @PUT
    @Path("self-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remplace mon auto-évaluation (vue par l'enseignant à côté de la grille, jamais comptée)")
    public SelfAssessment selfAssess(@PathParam("id") long id, SelfAssessment self) {
        Map<String, Integer> levels = self == null || self.levels() == null ? Map.of() : new HashMap<>(self.levels());
        return new SelfAssessment(assessments.saveSelfAssessment(current.courseId(), id, current.userId(), levels));
    }
}
