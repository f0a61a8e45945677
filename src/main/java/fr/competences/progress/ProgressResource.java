package fr.competences.progress;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Progress as JSON: a student's own (a teacher: any student of their course), and the class for teachers. Only the
 * session's course, read only.
 */
@ApplicationScoped
@Path("api/progress")
@Produces(MediaType.APPLICATION_JSON)
@LtiSession
@Tag(name = "Progression")
public class ProgressResource {

    @Inject
    CurrentLaunch current;

    @Inject
    Progress progress;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Ma progression : le référentiel des activités du cours, ma maîtrise de chaque compétence "
            + "évaluée (règle de maîtrise du cours) et ses positionnements, les effectifs par bloc",
            description = "Un enseignant précise l’étudiant avec student.")
    @APIResponse(responseCode = "200", description = "La progression",
            content = @Content(schema = @Schema(implementation = Progress.StudentProgress.class)))
    @APIResponse(responseCode = "400", description = "Enseignant sans paramètre student")
    @APIResponse(responseCode = "403", description = "Un étudiant demande la progression d’un autre")
    @APIResponse(responseCode = "404", description = "Pas un étudiant de ce cours")
    public Progress.StudentProgress progress(
            @Parameter(description = "identifiant de l’étudiant (enseignants)") @QueryParam("student") Long student) {
        return progress.ofStudent(current.courseId(), whose(current, student), Language.of(headers, uri));
    }

    @GET
    @Path("course")
    @LtiSession(CourseRole.TEACHER)
    @Operation(summary = "Progression de la classe : la maîtrise de chaque étudiant (inactifs compris) sur chaque "
            + "compétence évaluée dans le cours, regroupées par bloc")
    public Progress.ClassProgress classProgress() {
        return progress.ofCourse(current.courseId(), Language.of(headers, uri));
    }

    /**
     * Whose progress the caller reads: a student their own only (403 for anyone else's), a teacher the student they
     * name (whether that is a student of the course is the boundary's 404).
     */
    static long whose(CurrentLaunch current, Long student) {
        if (current.session().isTeacher()) {
            if (student == null) {
                throw new ProblemException(400, "progress-student-missing",
                        LocalizedText.of("Étudiant à préciser", "Student to specify"),
                        LocalizedText.of("Précisez l’étudiant dont vous voulez la progression : ?student={identifiant}.",
                                "Say which student's progress you want: ?student={id}."));
            }
            return student;
        }
        if (student != null && student != current.userId()) {
            throw new ProblemException(403, "progress-not-yours",
                    LocalizedText.of("Accès refusé", "Access refused"),
                    LocalizedText.of("Vous ne pouvez voir que votre propre progression.",
                            "You can only see your own progress."));
        }
        return current.userId();
    }
}
