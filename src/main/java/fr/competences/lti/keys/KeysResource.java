package fr.competences.lti.keys;

import fr.competences.admin.AdminOnly;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for the rotation of the tool's keys: add the next key, list, retire. */
@Path("api/admin/lti/keys")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Administration LTI")
public class KeysResource {

    @Inject
    ToolKeys toolKeys;

    @GET
    @Operation(summary = "Clés de l’outil : publiées, retirées, et celle qui signe")
    public List<ToolKeys.KeyInfo> list() {
        return toolKeys.list();
    }

    @POST
    @Operation(summary = "Publie une nouvelle clé, qui signera après le délai donné (heures, 24 par défaut)")
    public Response addNextKey(@QueryParam("activateAfterHours") @DefaultValue("24") long hours) {
        if (hours < 0 || hours > 24 * 365) {
            throw new ProblemException(400, "lti-key-delay", LocalizedText.of("Délai invalide", "Invalid delay"),
                    LocalizedText.of("activateAfterHours doit être compris entre 0 et 8760.",
                            "activateAfterHours must be between 0 and 8760."));
        }
        return Response.status(201).entity(toolKeys.addNextKey(Duration.ofHours(hours))).build();
    }

    @DELETE
    @Path("{kid}")
    @Operation(summary = "Retire une clé du jeu publié (pas celle qui signe)")
    public ToolKeys.KeyInfo retire(@PathParam("kid") String kid) {
        return toolKeys.retire(kid).orElseThrow(NotFoundException::new);
    }
}
