package fr.competences.lti.registration;

import fr.competences.admin.AdminOnly;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API for platforms registered by hand (LMSs without dynamic registration): list, create, update,
 * disable ({@code "enabled": false}). Body: issuer, clientId, name, authorizationEndpoint, tokenEndpoint,
 * jwksUri, deploymentIds, enabled, frameOrigins (origins besides the issuer's allowed to frame the tool; absent on a
 * PUT: unchanged). A new issuer must be an absolute https URL (http only on loopback); an update
 * ({@code PUT}) cannot change the issuer, so a platform stored before that rule can still be changed or disabled.
 */
@Path("api/admin/lti/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Administration LTI")
public class PlatformsResource {

    /** A platform as the API shows it. */
    public record PlatformView(long id, String issuer, String clientId, String name, String authorizationEndpoint,
            String tokenEndpoint, String jwksUri, List<String> deploymentIds, boolean enabled, String registeredBy,
            List<String> frameOrigins) {

        static PlatformView of(RegisteredPlatform platform) {
            return new PlatformView(platform.id(), platform.issuer(), platform.clientId(), platform.name(),
                    platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(),
                    platform.deploymentIds(), platform.enabled(), platform.registeredBy().name(),
                    platform.frameOrigins());
        }
    }

    static final int MAX_FRAME_ORIGINS = 20;

    @Inject
    Registrations registrations;

    @GET
    @Operation(summary = "Plateformes enregistrées, avec leurs déploiements actifs")
    public List<PlatformView> list() {
        return registrations.list().stream().map(PlatformView::of).toList();
    }

    @POST
    @Operation(summary = "Enregistre une plateforme (ou met à jour celle de même issuer et client_id)")
    public Response create(JsonObject body) {
        RegisteredPlatform saved = registrations.save(settings(body, true), Platform.RegisteredBy.ADMIN);
        return Response.created(URI.create("/api/admin/lti/platforms/" + saved.id())).entity(PlatformView.of(saved))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Modifie une plateforme : URL, déploiements, activation (enabled)")
    public PlatformView update(@PathParam("id") long id, JsonObject body) {
        return registrations.update(id, settings(body, false)).map(PlatformView::of).orElseThrow(NotFoundException::new);
    }

    /** {@code newIssuer}: the issuer may be one the tool does not know yet, so it must be https (http on loopback). */
    private static PlatformSettings settings(JsonObject body, boolean newIssuer) {
        if (body == null) {
            throw invalid(List.of(problem("body", "objet JSON attendu", "a JSON object is expected")));
        }
        List<ProblemException.Problem> problems = new ArrayList<>();
        String issuer = text(body, "issuer", true, problems);
        if (newIssuer && issuer != null && !HttpUrls.isIssuer(issuer)) {
            problems.add(problem("issuer", "URL https absolue requise (http seulement pour localhost ou 127.0.0.1)",
                    "an absolute https URL is required (http only for localhost or 127.0.0.1)"));
        }
        String clientId = text(body, "clientId", true, problems);
        String name = text(body, "name", false, problems);
        PlatformSettings settings = new PlatformSettings(issuer, clientId, name == null ? issuer : name,
                url(body, "authorizationEndpoint", true, problems), url(body, "tokenEndpoint", false, problems),
                url(body, "jwksUri", true, problems), deploymentIds(body, problems), enabled(body, problems),
                frameOrigins(body, problems));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return settings;
    }

    private static String text(JsonObject body, String name, boolean required, List<ProblemException.Problem> problems) {
        JsonValue value = body.get(name);
        if (value instanceof JsonString string && !string.getString().isBlank() && string.getString().length() <= 255) {
            return string.getString().trim();
        }
        if (required || (value != null && value != JsonValue.NULL)) {
            problems.add(problem(name, "texte de 1 à 255 caractères requis", "a text of 1 to 255 characters is required"));
        }
        return null;
    }

    private static String url(JsonObject body, String name, boolean required, List<ProblemException.Problem> problems) {
        JsonValue value = body.get(name);
        if (value instanceof JsonString string && isHttpUrl(string.getString())) {
            return string.getString().trim();
        }
        if (required || (value != null && value != JsonValue.NULL)) {
            problems.add(problem(name, "URL http(s) absolue requise (1000 caractères au plus)",
                    "an absolute http(s) URL is required (at most 1000 characters)"));
        }
        return null;
    }

    private static List<String> deploymentIds(JsonObject body, List<ProblemException.Problem> problems) {
        if (body.get("deploymentIds") instanceof JsonArray array && !array.isEmpty()
                && array.stream().allMatch(v -> v instanceof JsonString s && !s.getString().isBlank()
                        && s.getString().length() <= 255)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).distinct().toList();
        }
        problems.add(problem("deploymentIds", "liste non vide d’identifiants de déploiement requise",
                "a non-empty list of deployment ids is required"));
        return List.of();
    }

    /** Absent or null: none on a creation, unchanged on an update. Each must be a bare origin (no path). */
    private static List<String> frameOrigins(JsonObject body, List<ProblemException.Problem> problems) {
        JsonValue value = body.get("frameOrigins");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        List<String> origins = new ArrayList<>();
        if (value instanceof JsonArray array && array.size() <= MAX_FRAME_ORIGINS) {
            for (JsonValue each : array) {
                Optional<String> origin = each instanceof JsonString s && s.getString().length() <= 255
                        ? Origins.parseExact(s.getString()) : Optional.empty();
                if (origin.isEmpty()) {
                    problems.add(problem("frameOrigins", "origine http(s) attendue, sans chemin (ex. "
                            + "https://moodle.lycee.fr) : " + each, "an http(s) origin without path is expected (e.g. "
                            + "https://moodle.lycee.fr): " + each));
                } else if (!origins.contains(origin.get())) {
                    origins.add(origin.get());
                }
            }
            return origins;
        }
        problems.add(problem("frameOrigins", "liste d’au plus " + MAX_FRAME_ORIGINS + " origines attendue",
                "a list of at most " + MAX_FRAME_ORIGINS + " origins is expected"));
        return null;
    }

    /** Absent: enabled. Anything but true or false (e.g. "false" as a string) is refused, not taken as true. */
    private static boolean enabled(JsonObject body, List<ProblemException.Problem> problems) {
        JsonValue.ValueType type = body.containsKey("enabled") ? body.get("enabled").getValueType()
                : JsonValue.ValueType.NULL;
        if (type != JsonValue.ValueType.NULL && type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            problems.add(problem("enabled", "true ou false attendu", "true or false is expected"));
        }
        return type != JsonValue.ValueType.FALSE;
    }

    private static boolean isHttpUrl(String value) {
        return value.length() <= 1000 && HttpUrls.parse(value.trim()).isPresent();
    }

    private static ProblemException.Problem problem(String field, String french, String english) {
        return new ProblemException.Problem(field, LocalizedText.of(french, english));
    }

    private static ProblemException invalid(List<ProblemException.Problem> problems) {
        return new ProblemException(422, "lti-platform-invalid",
                LocalizedText.of("Plateforme invalide", "Invalid platform"),
                LocalizedText.of("Corrigez les champs signalés ; rien n’a été enregistré.",
                        "Fix the fields listed; nothing was saved."), problems);
    }
}
