package fr.competences.gradebook;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The grade each row of the teacher's grid would get, computed on the server by the code that computes the grades
 * sent to the platform ({@link Gradebook#preview}): the grid shows it live as levels change, and no formula is written
 * twice. Reads only; teachers of the session's course only. The default body limit (64 KB) holds a class: the grid
 * sends each distinct set of levels once, a few hundred bytes each.
 */
@Path("api/activities/{id}/grade-preview")
@LtiSession(CourseRole.TEACHER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Carnet de notes")
public class GradePreviewResource {

    /** Rows of levels as the grid shows them: {@code levels} code → 0..3, null or absent for not assessed. */
    public record Preview(List<Row> rows) {
    }

    public record Row(Map<String, Integer> levels) {
    }

    /** {@code rows} in the order asked; a row's {@code score} is absent while none of its skills is assessed. */
    public record Previewed(List<Score> rows) {
    }

    public record Score(BigDecimal score) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    Gradebook gradebook;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "La note que la règle du cours donnerait à chaque ligne de niveaux (non enregistrés)",
            description = "rows : [{levels : code → niveau 0..3, null = non évalué}] ; la note est calculée comme "
                    + "celle envoyée au carnet de notes, absente tant que rien n'est évalué.")
    @APIResponse(responseCode = "404", description = "Pas une activité de ce cours")
    @APIResponse(responseCode = "422", description = "Niveaux ou compétences à corriger, listés dans errors")
    public Previewed preview(@PathParam("id") long id, Preview preview) {
        if (preview == null || preview.rows() == null || preview.rows().stream().anyMatch(Objects::isNull)) {
            throw ProblemException.bodyMissing(LocalizedText.of(
                    "Envoyez les lignes de niveaux en JSON : {\"rows\": [{\"levels\": {...}}]}.",
                    "Send the rows of levels as JSON: {\"rows\": [{\"levels\": {...}}]}."));
        }
        List<Map<String, Integer>> rows = preview.rows().stream()
                .map(row -> row.levels() == null ? Map.<String, Integer>of() : row.levels()).toList();
        List<Score> scores = gradebook.preview(current.courseId(), id, rows).stream()
                .map(score -> new Score(score.orElse(null))).toList();
        return new Previewed(scores);
    }
}
