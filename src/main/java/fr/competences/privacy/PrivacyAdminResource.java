package fr.competences.privacy;

import fr.competences.admin.AdminOnly;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The administrator's side of personal data: a user of a platform (its id in {@code /api/admin/lti/platforms}, the
 * user's LTI {@code sub}, i.e. Moodle's user id) exported or erased, and the retention's dry run and run.
 */
@ApplicationScoped
@Path("api/admin/privacy")
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Données personnelles (administration)")
public class PrivacyAdminResource {

    @Inject
    PersonalData data;

    @Inject
    PersonalDataExport export;

    @Inject
    Erasures erasures;

    @Inject
    Retention retention;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("platforms/{platformId}/users/{subject}/export")
    @Produces("application/zip")
    @Operation(summary = "Archive ZIP de tout ce que l’outil garde sur un utilisateur (tous ses cours)")
    @APIResponse(responseCode = "404", description = "Plateforme ou utilisateur inconnu")
    public Response archive(@PathParam("platformId") long platformId, @PathParam("subject") String subject) {
        return export.zip(user(platformId, subject), null, language(), Requester.ADMIN);
    }

    @GET
    @Path("platforms/{platformId}/users/{subject}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Les données d’un utilisateur en JSON (data.json de l’archive)")
    @APIResponse(responseCode = "404", description = "Plateforme ou utilisateur inconnu")
    public Response json(@PathParam("platformId") long platformId, @PathParam("subject") String subject) {
        return export.json(user(platformId, subject), null, Requester.ADMIN);
    }

    @DELETE
    @Path("platforms/{platformId}/users/{subject}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Efface un utilisateur : preuves et leurs fichiers, positionnements, commentaires, "
            + "auto-évaluations, notes en attente ou envoyées, adhésions, nom et adresse ; l’historique reste, "
            + "pseudonymisé. Les notes déjà dans le carnet de notes de la plateforme ne sont pas touchées.")
    @APIResponse(responseCode = "200", description = "Ce qui a été effacé, par sorte ; complete=false si un fichier "
            + "n’a pas pu être supprimé (listé dans filesNotRemoved)")
    @APIResponse(responseCode = "404", description = "Plateforme ou utilisateur inconnu")
    public Erasures.Report erase(@PathParam("platformId") long platformId, @PathParam("subject") String subject) {
        return erasures.eraseUser(platformId, user(platformId, subject), language());
    }

    @GET
    @Path("retention")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Conservation : réglage, cours que la prochaine exécution effacerait (simulation), "
            + "prochaine exécution, dernières exécutions")
    public Retention.DryRun retention() {
        return retention.dryRun(language());
    }

    @POST
    @Path("retention/run")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Efface maintenant les cours non lancés depuis la durée de conservation")
    @APIResponse(responseCode = "409", description = "Pas de durée de conservation, ou exécution en cours")
    public Retention.Report run() {
        return retention.runNow(language());
    }

    private long user(long platformId, String subject) {
        PersonalData.Platform platform = data.platform(platformId).orElseThrow(() -> new ProblemException(404,
                "platform-not-found", LocalizedText.of("Plateforme inconnue", "Unknown platform"),
                LocalizedText.of("Aucune plateforme n’a l’identifiant " + platformId
                        + " (voir GET /api/admin/lti/platforms).", "No platform has id " + platformId
                        + " (see GET /api/admin/lti/platforms).")));
        return data.userOf(platform.issuer(), subject).orElseThrow(() -> new ProblemException(404,
                "user-not-found", LocalizedText.of("Utilisateur inconnu", "Unknown user"),
                LocalizedText.of("L’outil ne connaît aucun utilisateur « " + subject + " » de " + platform.name()
                        + " (ou il a déjà été effacé).", "The tool knows no user \"" + subject + "\" of "
                        + platform.name() + " (or it was already erased).")));
    }

    private Locale language() {
        return Language.of(headers, uri);
    }
}
