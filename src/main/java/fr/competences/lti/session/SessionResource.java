package fr.competences.lti.session;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renews the session token of a page in use ({@code assets/lti.js} calls it every few minutes): the token in
 * {@code X-Lti-Session}, expired or not, with the session's renewal key in {@code X-Lti-Renewal}, which only the
 * page the launch landed on holds ({@link SessionTokens}); a token copied out of a URL cannot be renewed. The member's
 * role is read again, so that a grant or a revocation by the course's teacher applies at the next renewal, and a
 * session ended by an administrator or whose platform was disabled is not renewed.
 */
@Path("lti/session")
@Tag(name = "LTI")
public class SessionResource {

    public static final String RENEWAL_HEADER = "X-Lti-Renewal";
    private static final Logger LOG = Logger.getLogger(SessionResource.class.getName());

    @Inject
    SessionTokens tokens;

    @Inject
    SessionGate gate;

    @Inject
    CourseMembers members;

    @POST
    @Operation(summary = "Renouvelle le jeton de session (en-têtes X-Lti-Session et X-Lti-Renewal ; nouveau jeton "
            + "dans l’en-tête X-Lti-Session de la réponse)")
    public Response renew(@HeaderParam(LtiSessionFilter.HEADER) String token,
            @HeaderParam(RENEWAL_HEADER) String renewalKey) {
        if (token == null || token.isBlank()) {
            throw new LtiException(LtiError.SESSION_MISSING);
        }
        Session session = tokens.readForRenewal(token, renewalKey).orElseThrow(() -> {
            LOG.info("Renouvellement de session LTI refusé : jeton invalide, trop ancien ou sans sa clé de renouvellement");
            return new LtiException(LtiError.SESSION_INVALID);
        });
        Optional<LtiError> refusal = gate.refusal(session);
        if (refusal.isPresent()) {
            throw new LtiException(refusal.get());
        }
        CourseRole role = members.roleOf(session.courseId(), session.memberId())
                .orElseThrow(() -> new LtiException(LtiError.SESSION_INVALID));
        String renewed = tokens.renew(session, role).orElseThrow(() -> new LtiException(LtiError.SESSION_INVALID));
        return Response.noContent().header(LtiSessionFilter.HEADER, renewed)
                .header("Cache-Control", "no-store").build();
    }
}
