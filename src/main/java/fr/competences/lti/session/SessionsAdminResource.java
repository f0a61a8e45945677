package fr.competences.lti.session;

import fr.competences.admin.AdminOnly;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import fr.competences.lti.registration.SnapshotRefresh;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API that ends open sessions: {@code POST /api/admin/lti/sessions/revoke} with
 * {@code {"platformId": 3, "userId": "42", "courseId": "17"}}, where {@code platformId} is the tool's id of the
 * platform ({@code GET /api/admin/lti/platforms}) and {@code userId} and {@code courseId} are the platform's own ids
 * (LTI {@code sub} and {@code context_id}: in Moodle the user's and the course's ids); one of them at least. Every
 * session of that user, of that course, or of that user in that course, opened until now is refused from then on
 * (the next request of its page says so); launching again opens a new one. Disabling the user in the platform is what
 * keeps them out for good.
 */
@Path("api/admin/lti/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Administration LTI")
public class SessionsAdminResource {

    /** What was revoked, and by when every instance applies it. */
    public record Revoked(long platformId, String userId, String courseId, Instant sessionsOpenedUntil,
            String otherInstancesWithin) {
    }

    @Inject
    Registrations registrations;

    @Inject
    SessionRevocations revocations;

    @Inject
    SnapshotRefresh refresh;

    @POST
    @Path("revoke")
    @Operation(summary = "Ferme les sessions ouvertes d’un utilisateur, d’un cours, ou d’un utilisateur dans un cours")
    public Revoked revoke(JsonObject body) {
        if (body == null) {
            throw invalid(List.of(problem("body", "objet JSON attendu", "a JSON object is expected")));
        }
        List<ProblemException.Problem> problems = new ArrayList<>();
        Long platformId = body.get("platformId") instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
        if (platformId == null) {
            problems.add(problem("platformId", "identifiant de plateforme attendu (GET /api/admin/lti/platforms)",
                    "a platform id is expected (GET /api/admin/lti/platforms)"));
        }
        String userId = text(body, "userId", problems);
        String courseId = text(body, "courseId", problems);
        if (userId == null && courseId == null && problems.isEmpty()) {
            problems.add(problem("userId", "userId, courseId ou les deux", "userId, courseId or both"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        RegisteredPlatform platform = registrations.find(platformId).orElseThrow(() -> notFound(
                "Plateforme " + platformId + " inconnue (GET /api/admin/lti/platforms les liste).",
                "Unknown platform " + platformId + " (GET /api/admin/lti/platforms lists them)."));
        Long user = userId == null ? null : revocations.user(platform.issuer(), userId).orElseThrow(() -> notFound(
                "Aucun utilisateur « " + userId + " » de cette plateforme n’a lancé l’outil : aucune session à fermer.",
                "No user \"" + userId + "\" of this platform ever launched the tool: no session to close."));
        List<Long> courses = courseId == null ? List.of() : revocations.courses(platform.id(), courseId);
        if (courseId != null && courses.isEmpty()) {
            throw notFound("Aucun cours « " + courseId + " » de cette plateforme n’a lancé l’outil : aucune session à "
                    + "fermer.", "No course \"" + courseId + "\" of this platform ever launched the tool: no session "
                    + "to close.");
        }
        Instant until = revocations.revoke(platform.id(), user, courses);
        return new Revoked(platform.id(), userId, courseId, until, refresh.interval().toString());
    }

    private static String text(JsonObject body, String name, List<ProblemException.Problem> problems) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string && !string.getString().isBlank() && string.getString().length() <= 255) {
            return string.getString();
        }
        problems.add(problem(name, "identifiant texte de la plateforme attendu (1 à 255 caractères)",
                "the platform's id as a text is expected (1 to 255 characters)"));
        return null;
    }

    private static ProblemException.Problem problem(String field, String french, String english) {
        return new ProblemException.Problem(field, LocalizedText.of(french, english));
    }

    private static ProblemException invalid(List<ProblemException.Problem> problems) {
        return new ProblemException(422, "session-revocation-invalid",
                LocalizedText.of("Révocation invalide", "Invalid revocation"),
                LocalizedText.of("Corrigez les champs signalés ; aucune session n’a été fermée.",
                        "Fix the fields listed; no session was closed."), problems);
    }

    private static ProblemException notFound(String french, String english) {
        return new ProblemException(404, "session-revocation-target-unknown",
                LocalizedText.of("Rien à révoquer", "Nothing to revoke"), LocalizedText.of(french, english));
    }
}
