package fr.competences.lti.launch;

import fr.competences.config.Settings;
import fr.competences.http.RateLimited;
import fr.competences.http.RateLimits;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Step 1-2 of the launch: the platform's login initiation, answered with the authentication request
 * (https://www.imsglobal.org/spec/security/v1p0/#step-2-authentication-request). The answer is a page that
 * keeps the browser secret in a {@code SameSite=None; Secure; Partitioned} cookie and in localStorage, then
 * sends the browser to the platform's authorization endpoint (a GET, as Moodle expects, docs/moodle.md P-3).
 */
@RateLimited(RateLimits.Limit.LAUNCH_LOGIN)
@ApplicationScoped
@Path("lti/login")
@Tag(name = "LTI")
public class OidcLoginResource {

    private static final Logger LOG = Logger.getLogger(OidcLoginResource.class.getName());

    @Inject
    Registrations registrations;

    @Inject
    LoginStates states;

    @Inject
    AuthenticationRequest authenticationRequest;

    @Inject
    Settings settings;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Connexion initiée par la plateforme (OIDC), en GET")
    public Response loginByGet() {
        return login(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Connexion initiée par la plateforme (OIDC), en POST comme Moodle")
    public Response loginByPost(MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>(uri.getQueryParameters());
        form.forEach(parameters::addAll);
        return login(parameters);
    }

    private Response login(MultivaluedMap<String, String> parameters) {
        try {
            LoginRequest request = LoginRequest.of(parameters);
            RegisteredPlatform platform = platformOf(request);
            LoginStates.Issued issued = states.issue(platform.id(), request);
            return Response.ok(pages.render("lti-login", Language.of(headers, uri),
                            authenticationRequest.page(platform, request, issued)))
                    .header("Set-Cookie", StateCookie.set(issued.login(), issued.browserSecret()))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        } catch (LtiException refused) {
            LOG.warning(() -> "Connexion LTI refusée [" + refused.type() + "] " + refused.detail().en());
            throw refused;
        }
    }

    private RegisteredPlatform platformOf(LoginRequest request) {
        require("iss", request.issuer());
        require("login_hint", request.loginHint());
        require("target_link_uri", request.targetLinkUri());
        List<RegisteredPlatform> candidates = request.clientId() == null ? registrations.withIssuer(request.issuer())
                : registrations.find(request.issuer(), request.clientId()).stream().toList();
        if (candidates.isEmpty()) {
            throw new LtiException(LtiError.PLATFORM_UNKNOWN, request.issuer(), String.valueOf(request.clientId()));
        }
        if (candidates.size() > 1) {
            throw new LtiException(LtiError.PLATFORM_AMBIGUOUS, request.issuer());
        }
        RegisteredPlatform platform = candidates.get(0);
        if (!platform.enabled()) {
            throw new LtiException(LtiError.PLATFORM_DISABLED, platform.issuer());
        }
        if (request.deploymentId() != null && platform.deployment(request.deploymentId()).isEmpty()) {
            throw new LtiException(LtiError.DEPLOYMENT_UNKNOWN, request.deploymentId(), platform.issuer());
        }
        requireOwnTarget(request.targetLinkUri());
        return platform;
    }

    /** The platform may only send the browser back to this tool. */
    private void requireOwnTarget(String targetLinkUri) {
        String own = settings.publicUrl();
        if (!targetLinkUri.equals(own) && !targetLinkUri.startsWith(own + "/")) {
            throw new LtiException(LtiError.TARGET_LINK_FOREIGN, targetLinkUri, own);
        }
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new LtiException(LtiError.LOGIN_PARAMETER_MISSING, name);
        }
    }
}
