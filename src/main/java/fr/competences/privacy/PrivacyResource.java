package fr.competences.privacy;

import fr.competences.lti.session.LtiSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's right of access (RGPD art. 15) from a tool session: a student downloads everything the tool holds
 * about them (all their courses); a teacher, for one student of the session's course, what the tool holds about
 * that student in that course ({@link SessionExports}; the pages' « Mes données » links reach the same through
 * {@link PrivacyPage}, so that a refusal shows as a page).
 */
@ApplicationScoped
@Path("api/privacy")
@LtiSession
@Tag(name = "Données personnelles", description = "Export des données d’une personne (RGPD)")
public class PrivacyResource {

    @Inject
    SessionExports exports;

    @GET
    @Path("export")
    @Produces("application/zip")
    @Operation(summary = "Archive ZIP de mes données (étudiant) ou de celles d’un étudiant du cours "
            + "(enseignant) : data.json, summary.html et les fichiers déposés")
    @APIResponse(responseCode = "200", description = "L’archive")
    @APIResponse(responseCode = "403", description = "Un étudiant demande les données d’un autre")
    @APIResponse(responseCode = "404", description = "Pas un étudiant de ce cours")
    public Response archive(@Parameter(description = "identifiant de l’étudiant (enseignants)")
            @QueryParam("student") Long student) {
        return exports.archive(student);
    }

    @GET
    @Path("data")
    @Produces("application/json")
    @Operation(summary = "Les mêmes données que data.json de l’archive, en JSON")
    @APIResponse(responseCode = "403", description = "Un étudiant demande les données d’un autre")
    @APIResponse(responseCode = "404", description = "Pas un étudiant de ce cours")
    public Response json(@Parameter(description = "identifiant de l’étudiant (enseignants)")
            @QueryParam("student") Long student) {
        return exports.json(student);
    }
}
