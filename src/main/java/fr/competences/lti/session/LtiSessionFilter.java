package fr.competences.lti.session;

import fr.competences.errors.ProblemResponses;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.course.CourseRole;
import fr.competences.view.Language;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets {@link LtiSession} requests through with a valid session token of an allowed role, whose platform and
 * deployment are still enabled. The token comes in the {@code X-Lti-Session} header or the {@code lti_session} query
 * parameter (links and form actions). Not a cookie, so a forged cross-site form cannot carry it: that is the CSRF
 * protection of the tool's forms. A session whose platform or deployment was disabled, or that an administrator
 * revoked, is refused ({@link SessionGate}). A {@code ?lang=} on the request changes the session's language (the pages'
 * language links). Answers are never cached and never leak the token through the Referer header.
 */
@Provider
@LtiSession
@Priority(Priorities.AUTHENTICATION)
public class LtiSessionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Lti-Session";
    public static final String PARAMETER = "lti_session";
    private static final Logger LOG = Logger.getLogger(LtiSessionFilter.class.getName());

    @Inject
    SessionTokens tokens;

    @Inject
    CurrentLaunch current;

    @Inject
    SessionGate gate;

    @Inject
    ProblemResponses problems;

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = request.getHeaderString(HEADER);
        if (token == null) {
            token = request.getUriInfo().getQueryParameters().getFirst(PARAMETER);
        }
        if (token == null || token.isBlank()) {
            throw new LtiException(LtiError.SESSION_MISSING);
        }
        String presented = token;
        Session read = tokens.read(presented).orElseThrow(() -> {
            LOG.info(() -> "Session LTI refusée (invalide ou expirée) : " + request.getUriInfo().getPath());
            return new LtiException(LtiError.SESSION_INVALID);
        });
        Session session = read.withLanguage(Language.requested(request.getUriInfo()).orElse(read.language()));
        // Disabling a platform or a deployment, or revoking the session, ends it, not only the next launches.
        Optional<LtiError> refusal = gate.refusal(session);
        if (refusal.isPresent()) {
            refuse(request, session, refusal.get());
            return;
        }
        List<CourseRole> allowed = allowedRoles();
        if (!allowed.isEmpty() && !allowed.contains(session.role())) {
            refuse(request, session,
                    allowed.contains(CourseRole.TEACHER) ? LtiError.TEACHER_ONLY : LtiError.STUDENT_ONLY);
            return;
        }
        // A language link (?lang=) makes its language the session's: the token the page puts in its links carries it,
        // so the next pages keep it although their links carry no ?lang.
        current.set(session, session.language().equals(read.language()) ? presented : tokens.reissue(session));
    }

    /** A refusal of a valid session, in the session's language rather than the browser's. */
    private void refuse(ContainerRequestContext request, Session session, LtiError error) {
        request.abortWith(problems.of(new LtiException(error), session.language(), headers, request.getUriInfo()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
    }

    private List<CourseRole> allowedRoles() {
        LtiSession onMethod = resource.getResourceMethod().getAnnotation(LtiSession.class);
        LtiSession marker = onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(LtiSession.class);
        return marker == null ? List.of() : Arrays.asList(marker.value());
    }
}
