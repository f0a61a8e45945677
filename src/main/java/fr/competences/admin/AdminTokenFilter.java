package fr.competences.admin;

import fr.competences.config.Settings;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.http.ClientAddress;
import fr.competences.http.RateLimits;
import fr.competences.http.TooManyRequests;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets {@link AdminOnly} requests through only with {@code Authorization: Bearer <ADMIN_TOKEN>}. Wrong or missing
 * tokens count against the caller's address ({@code RATE_LIMIT_ADMIN_FAILURES_PER_HOUR}); once they are used up,
 * every admin request from there is refused with 429, the right token too, until the allowance refills: guessing the
 * token goes no faster than that.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AdminTokenFilter.class.getName());
    private static final String BEARER = "Bearer ";
    /** Set on a request that presented the right token: {@link AdminCallAudit} logs those only. */
    static final String AUTHENTICATED = AdminTokenFilter.class.getName() + ".authenticated";

    @Inject
    Settings settings;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddress clientAddress;

    @Inject
    TooManyRequests tooManyRequests;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        String client = clientAddress.of(servletRequest);
        Optional<Duration> blocked = limits.exhausted(RateLimits.Limit.ADMIN_FAILURE, client);
        if (blocked.isPresent()) {
            LOG.warning(() -> "Accès admin refusé (trop de jetons incorrects depuis " + client + ") : "
                    + request.getMethod() + " " + request.getUriInfo().getPath());
            request.abortWith(tooManyRequests.response(blocked.get(), headers, request.getUriInfo()));
            return;
        }
        Optional<String> expected = settings.adminToken();
        if (expected.isEmpty()) {
            throw new ProblemException(403, "admin-disabled",
                    LocalizedText.of("API d'administration désactivée", "Admin API disabled"),
                    LocalizedText.of("Définissez la variable d'environnement ADMIN_TOKEN puis redémarrez l'application "
                                    + "pour activer l'API d'administration.",
                            "Set the ADMIN_TOKEN environment variable and restart the application to enable the admin API."));
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        if (presented == null || !constantTimeEquals(presented, expected.get())) {
            limits.take(RateLimits.Limit.ADMIN_FAILURE, client);
            LOG.warning(() -> "Accès admin refusé (" + (presented == null ? "pas de jeton" : "jeton incorrect") + ", "
                    + client + ") : " + request.getMethod() + " " + request.getUriInfo().getPath());
            throw new ProblemException(401, "admin-token-required",
                    LocalizedText.of("Jeton d'administration requis", "Admin token required"),
                    LocalizedText.of("Envoyez l'en-tête « Authorization: Bearer <ADMIN_TOKEN> » avec le jeton configuré.",
                            "Send the header \"Authorization: Bearer <ADMIN_TOKEN>\" with the configured token."));
        }
        request.setProperty(AUTHENTICATED, Boolean.TRUE);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
