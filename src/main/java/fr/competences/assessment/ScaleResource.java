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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import fr.competences.view.Language;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The session's course scale: read by every member, changed by its teachers ({@code If-Match}: version read). Default
 * levels are named in the request's language ({@link LevelNames}); sent back unchanged they stay the default.
 */
@ApplicationScoped
@Path("api/scale")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Positionnement")
public class ScaleResource {

    @Inject
    CurrentLaunch current;

    @Inject
    Scales scales;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @LtiSession
    @Operation(summary = "L'échelle du cours : 4 niveaux (libellé, points) et seuil de maîtrise")
    public Response get() {
        Scales.CourseScaleView view = scales.view(current.courseId());
        return Response.ok(view.scale().in(Language.of(headers, uri)))
                .tag(new EntityTag(Integer.toString(view.version()))).build();
    }

    @PUT
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Modifie l'échelle du cours (libellés, points croissants, seuil de maîtrise)")
    @APIResponse(responseCode = "409", description = "Modifiée entre-temps par un autre enseignant")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    public Response update(Scale scale, @HeaderParam("If-Match") String ifMatch) {
        if (scale == null || scale.levels() == null) {
            throw ProblemException.bodyMissing(LocalizedText.of("Envoyez l’échelle en JSON : levels et proficientLevel.",
                    "Send the scale as JSON: levels and proficientLevel."));
        }
        Scales.CourseScaleView view = scales.update(current.courseId(), scale, Versions.of(ifMatch));
        return Response.ok(view.scale().in(Language.of(headers, uri)))
                .tag(new EntityTag(Integer.toString(view.version()))).build();
    }
}
