package fr.competences.lti.registration;

import fr.competences.admin.AdminOnly;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.input.JsonInput;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: makes a one-time dynamic registration link, valid 24 hours, to paste in the platform's "Tool URL"
 * (Moodle: Add LTI Advantage). Optional body {@code {"allowedOrigin": "https://moodle.lycee.fr"}}: the link then
 * serves that platform only. The link is shown once; the tool keeps only its hash.
 */
@Path("api/admin/lti/registration-links")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Administration LTI")
public class RegistrationLinksResource {

    /** The link to paste in the platform, and when it stops working (ISO 8601). */
    public record LinkView(String url, String expiresAt) {
    }

    @Inject
    RegistrationLinks links;

    @POST
    @Operation(summary = "Crée un lien d’enregistrement dynamique à usage unique (24 h), à coller dans la plateforme")
    public Response create(String body) {
        RegistrationLinks.Created created = links.create(allowedOrigin(body));
        return Response.status(Response.Status.CREATED)
                .entity(new LinkView(created.url(), created.expiresAt().toString())).build();
    }

    /** The body is read here rather than by JSON-B, so that any malformed body is a 422 problem, never a 500. */
    private static Optional<Origin> allowedOrigin(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonValue json;
        try {
            json = JsonInput.read(new StringReader(body)); // nesting and number sizes bounded, one exception type
        } catch (JsonException | IllegalStateException e) {
            throw invalid("body", "JSON illisible", "unreadable JSON");
        }
        if (!(json instanceof JsonObject object)) {
            throw invalid("body", "objet JSON attendu", "a JSON object is expected");
        }
        JsonValue value = object.get("allowedOrigin");
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        Optional<Origin> origin = value instanceof JsonString text ? Origin.parse(text.getString()) : Optional.empty();
        if (origin.isEmpty() || !HttpUrls.isIssuer(origin.get().toString())) {
            throw invalid("allowedOrigin",
                    "origine https://hôte[:port] attendue (http seulement pour localhost ou 127.0.0.1)",
                    "an origin https://host[:port] is expected (http only for localhost or 127.0.0.1)");
        }
        return origin;
    }

    private static ProblemException invalid(String field, String french, String english) {
        return new ProblemException(422, "lti-registration-link-invalid",
                LocalizedText.of("Demande de lien invalide", "Invalid link request"),
                LocalizedText.of("Corrigez les champs signalés ; aucun lien n’a été créé.",
                        "Fix the fields listed; no link was made."),
                List.of(new ProblemException.Problem(field, LocalizedText.of(french, english))));
    }
}
