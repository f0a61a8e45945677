package fr.competences.lti.session;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renews the session token of a page in use ({@code assets/lti.js} calls it every few minutes). The member's
 * role is read again, so that a grant or a revocation by the course's teacher applies at the next renewal.
 */
@Path("lti/session")
@Tag(name = "LTI")
public class SessionResource {

    @Inject
    CurrentLaunch current;

    @Inject
    SessionTokens tokens;

    @Inject
    CourseMembers members;

    @POST
    @LtiSession
    @Operation(summary = "Renouvelle le jeton de session (en-tête X-Lti-Session de la réponse)")
    public Response renew() {
        Session session = current.session();
        CourseRole role = members.roleOf(session.courseId(), session.memberId())
                .orElseThrow(() -> new LtiException(LtiError.SESSION_INVALID));
        String renewed = tokens.renew(session, role).orElseThrow(() -> new LtiException(LtiError.SESSION_INVALID));
        return Response.noContent().header(LtiSessionFilter.HEADER, renewed).build();
    }
}
