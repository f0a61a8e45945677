package fr.competences.lti.registration;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.web.Language;
import fr.competences.web.Pages;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LTI Dynamic Registration 1.0 (https://www.imsglobal.org/spec/lti-dr/v1p0): the platform's admin opens this
 * URL (Moodle: "Add LTI Advantage") with {@code openid_configuration} and {@code registration_token}; the tool
 * reads the configuration, posts its registration, stores the platform with the client_id and deployment the
 * platform assigned, and shows a page whose button closes the registration window
 * ({@code org.imsglobal.lti.close}). Registered platforms are enabled at once; Moodle keeps its side Pending
 * until its admin activates the tool (lti-facts P-12), which the page says.
 */
@Path("lti/register")
@Tag(name = "LTI")
public class DynamicRegistrationResource {

    private static final Logger LOG = Logger.getLogger(DynamicRegistrationResource.class.getName());
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    PlatformClient client;

    @Inject
    ToolConfiguration toolConfiguration;

    @Inject
    Registrations registrations;

    @Inject
    Pages pages;

    @Inject
    @ConfigProperty(name = "lti.registration.allowed-hosts")
    Optional<String> allowedHosts;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Enregistrement dynamique LTI (ouvert par la plateforme)")
    public String register(@QueryParam("openid_configuration") String configurationUrl,
            @QueryParam("registration_token") String registrationToken) {
        try {
            if (!isBearerToken(registrationToken)) {
                throw new LtiException(LtiError.REGISTRATION_PARAMETER, "registration_token");
            }
            URI configuration = HttpUrls.parse(configurationUrl)
                    .orElseThrow(() -> new LtiException(LtiError.REGISTRATION_PARAMETER, "openid_configuration"));
            if (!AllowedHosts.parse(allowedHosts.orElse(null)).allows(configuration.getHost())) {
                throw new LtiException(LtiError.REGISTRATION_HOST_NOT_ALLOWED, configuration.getHost());
            }
            PlatformConfiguration platform = PlatformConfiguration.of(configuration, client.get(configuration));
            JsonObject answer = client.post(platform.registrationEndpoint(), toolConfiguration.registration(),
                    registrationToken);
            RegisteredPlatform saved = save(platform, answer);
            LOG.info(() -> "Enregistrement dynamique réussi : " + saved.issuer() + " (client_id " + saved.clientId()
                    + ")");
            return pages.render("lti-registered", Language.of(headers, uri), Map.of(
                    "issuer", saved.issuer(), "clientId", saved.clientId(),
                    "deployments", String.join(", ", saved.deploymentIds()), "moodle", platform.isMoodle()));
        } catch (LtiException refused) {
            LOG.warning(() -> "Enregistrement dynamique refusé [" + refused.type() + "] " + refused.detail().en());
            throw refused;
        }
    }

    /**
     * Absent, or what RFC 6750 allows in a bearer token: it goes into the Authorization header of the registration
     * request, where a line break would be refused by the HTTP client, or worse, add a header.
     */
    static boolean isBearerToken(String token) {
        return token == null || token.isEmpty()
                || token.length() <= MAX_TOKEN_LENGTH && BEARER_TOKEN.matcher(token).matches();
    }

    /** The platform's answer names our client_id and, usually, the deployment it created. */
    private RegisteredPlatform save(PlatformConfiguration platform, JsonObject answer) {
        if (!(answer.get("client_id") instanceof JsonString clientId) || clientId.getString().isBlank()) {
            throw new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, "client_id ?");
        }
        Set<String> deployments = new LinkedHashSet<>(registrations.find(platform.issuer(), clientId.getString())
                .map(RegisteredPlatform::deploymentIds).orElse(List.of()));
        if (answer.get(ToolConfiguration.TOOL_CONFIGURATION) instanceof JsonObject tool
                && tool.get("deployment_id") instanceof JsonString deployment) {
            deployments.add(deployment.getString());
        }
        return registrations.save(new PlatformSettings(platform.issuer(), clientId.getString(),
                platform.isMoodle() ? "Moodle " + URI.create(platform.issuer()).getHost() : platform.issuer(),
                platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(),
                List.copyOf(deployments), true), Platform.RegisteredBy.DYNAMIC);
    }
}
