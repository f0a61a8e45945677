package fr.competences.audit.web;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The course's log as JSON, for its teachers: the same lines as the page ({@link CourseLog}). */
@ApplicationScoped
@Path("api/audit")
@Produces(MediaType.APPLICATION_JSON)
@LtiSession(CourseRole.TEACHER)
@Tag(name = "Journal", description = "Journal d’audit : qui a fait quoi")
public class CourseLogResource {

    @Inject
    CurrentLaunch current;

    @Inject
    CourseLog log;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Journal du cours (enseignants) : lancements, positionnements, notes envoyées, preuves, droits, "
            + "exports ; le plus récent d’abord, par pages")
    @APIResponse(responseCode = "200", description = "Une page du journal")
    @APIResponse(responseCode = "400", description = "Paramètre illisible (date, action, page)")
    @APIResponse(responseCode = "403", description = "Pas un enseignant du cours")
    public CourseLog.Journal journal(
            @Parameter(description = "lignes concernant cet étudiant (identifiant)") @QueryParam("student") Long student,
            @Parameter(description = "lignes de cette activité (identifiant)") @QueryParam("activity") Long activity,
            @Parameter(description = "LAUNCH, POSITIONS_CHANGED, GRADE_SENT, EVIDENCE_ADDED, EVIDENCE_REMOVED, "
                    + "EVIDENCE_DOWNLOADED, TEACHER_RIGHTS_GRANTED, TEACHER_RIGHTS_REVOKED, EXPORT")
            @QueryParam("action") String action,
            @Parameter(description = "à partir de ce jour (AAAA-MM-JJ) ou de cet instant") @QueryParam("from") String from,
            @Parameter(description = "jusqu’à ce jour inclus (AAAA-MM-JJ) ou cet instant exclu") @QueryParam("to") String to,
            @Parameter(description = "page, à partir de 1") @QueryParam("page") Integer page,
            @Parameter(description = "lignes par page (50 par défaut, 200 au plus)") @QueryParam("size") Integer size) {
        return log.of(current.courseId(), new CourseLog.Criteria(student, activity, LogQuery.action(action, true),
                LogQuery.from(from), LogQuery.to(to), LogQuery.page(page, size, CourseLog.PAGE_SIZE,
                        CourseLog.MAX_PAGE_SIZE)), Language.of(headers, uri));
    }
}
