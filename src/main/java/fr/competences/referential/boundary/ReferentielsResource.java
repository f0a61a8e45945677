package fr.competences.referential.boundary;

import fr.competences.admin.AdminOnly;
import fr.competences.config.Settings;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.input.BodyLimit;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import fr.competences.referential.exchange.CaseFormat;
import fr.competences.referential.exchange.MoodleCsvFormat;
import fr.competences.referential.exchange.TreeRules;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Référentiels over HTTP: browse (public), import, export and delete (admin). */
@Path("api/referentiels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Référentiels", description = "Référentiels de compétences : blocs > compétences > savoir-faire")
public class ReferentielsResource {

    static final String CASE_FORMAT = "case";
    static final String MOODLE_CSV_FORMAT = "moodle-csv";
    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");
    private static final int MAX_IMPORT_CHARS = 5_000_000;

    @Inject
    Referentiels referentiels;

    @Inject
    Settings settings;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Liste des référentiels, avec le nombre de blocs, compétences et savoir-faire")
    public List<Referentiels.Summary> list() {
        return referentiels.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Un référentiel entier (arbre blocs > compétences > savoir-faire, avec leurs codes)")
    @APIResponse(responseCode = "404", description = "Référentiel inconnu")
    public ReferentielTree tree(@PathParam("id") String id) {
        return referentiels.tree(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @AdminOnly
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Importe un référentiel : CASE 1.0 (CFPackage JSON) ou CSV de référentiel Moodle",
            description = "Le format vient du paramètre format (case | moodle-csv) ou du Content-Type "
                    + "(application/json = CASE, text/csv = Moodle). Le fichier est entièrement vérifié : "
                    + "au moindre problème, rien n'est importé et chaque problème est listé (ligne ou élément).")
    @APIResponse(responseCode = "201", description = "Importé")
    @APIResponse(responseCode = "409", description = "Code ou identifiant CASE déjà utilisé")
    @APIResponse(responseCode = "422", description = "Fichier invalide : liste des problèmes dans errors")
    @BodyLimit(5 * 1024 * 1024)
    public Response importReferentiel(
            @Parameter(description = "case ou moodle-csv") @QueryParam("format") String format,
            @Parameter(description = "Code (identifiant d'URL) du nouveau référentiel ; par défaut tiré du titre")
            @QueryParam("code") String code,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            String body) {
        if (code != null && !code.isBlank() && !TreeRules.isValidReferentielCode(code)) {
            throw badRequest("invalid-code", "Code invalide : utilisez des minuscules, chiffres et tirets (ex. bts-sio-2026).",
                    "Invalid code: use lower-case letters, digits and hyphens (e.g. bts-sio-2026).");
        }
        if (body == null || body.isBlank()) {
            throw badRequest("empty-file", "Le fichier envoyé est vide.", "The uploaded file is empty.");
        }
        if (body.length() > MAX_IMPORT_CHARS) {
            throw new ProblemException(413, "file-too-large", LocalizedText.of("Fichier trop volumineux", "File too large"),
                    LocalizedText.of("Un référentiel importé ne peut dépasser 5 Mo.", "An imported framework cannot exceed 5 MB."));
        }
        String chosen = format != null ? format : (contentType != null && contentType.getSubtype().equals("csv")
                ? MOODLE_CSV_FORMAT : CASE_FORMAT);
        ReferentielTree tree = switch (chosen) {
            case CASE_FORMAT -> CaseFormat.read(new StringReader(body), code);
            case MOODLE_CSV_FORMAT -> MoodleCsvFormat.read(new StringReader(body), code);
            default -> throw unknownFormat(chosen);
        };
        Referentiels.Summary imported = referentiels.importTree(tree);
        return Response.created(uri.getBaseUriBuilder().path("api/referentiels").path(imported.id()).build())
                .entity(imported).build();
    }

    @GET
    @Path("{id}/export")
    @AdminOnly
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Exporte un référentiel en CASE 1.0 (CFPackage JSON) ou en CSV importable dans Moodle "
            + "(Administration du site > Compétences > Importer un référentiel de compétences)")
    public Response export(@PathParam("id") String id,
            @Parameter(description = "case (par défaut) ou moodle-csv") @QueryParam("format") String format) {
        ReferentielTree tree = referentiels.tree(id).orElseThrow(() -> notFound(id));
        String chosen = format == null ? CASE_FORMAT : format;
        return switch (chosen) {
            case CASE_FORMAT -> attachment(CaseFormat.write(tree, settings.publicUrl(),
                            referentiels.lastChange(id).orElseThrow(() -> notFound(id))),
                    MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"), id + ".case.json");
            case MOODLE_CSV_FORMAT -> attachment(MoodleCsvFormat.write(tree), CSV, id + ".moodle.csv");
            default -> throw unknownFormat(chosen);
        };
    }

    @DELETE
    @Path("{id}")
    @AdminOnly
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Supprime un référentiel importé (le référentiel intégré ne peut pas l'être)")
    public Response delete(@PathParam("id") String id) {
        if (!referentiels.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static Response attachment(String content, MediaType type, String filename) {
        return Response.ok(content, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(404, "referentiel-not-found",
                LocalizedText.of("Référentiel introuvable", "Framework not found"),
                LocalizedText.of("Aucun référentiel n'a le code « " + id + " ». La liste est sur GET /api/referentiels.",
                        "No framework has the code \"" + id + "\". The list is at GET /api/referentiels."));
    }

    private static ProblemException unknownFormat(String format) {
        return badRequest("unknown-format", "Format inconnu « " + format + " » : utilisez case ou moodle-csv.",
                "Unknown format \"" + format + "\": use case or moodle-csv.");
    }

    private static ProblemException badRequest(String type, String fr, String en) {
        return new ProblemException(400, type, LocalizedText.of("Requête invalide", "Invalid request"),
                LocalizedText.of(fr, en));
    }
}
