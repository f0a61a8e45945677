package fr.competences.admin;

import fr.competences.config.Settings;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;

/** Lets {@link AdminOnly} requests through only with {@code Authorization: Bearer <ADMIN_TOKEN>}. */
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

    @Override
    public void filter(ContainerRequestContext request) {
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
            LOG.warning(() -> "Accès admin refusé (" + (presented == null ? "pas de jeton" : "jeton incorrect") + ") : "
                    + request.getMethod() + " " + request.getUriInfo().getPath());
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
