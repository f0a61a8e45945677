package fr.competences.lti.registration;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One dynamic registration, in the order that keeps anonymous callers from using the tool against others: without a
 * valid one-time link (unless {@code LTI_REGISTRATION_OPEN=true}) nothing is fetched; the configuration's origin must
 * be allowed ({@code LTI_REGISTRATION_ALLOWED_HOSTS}) and be the link's, if the link names one; the configuration must
 * speak for its own origin and name a registration endpoint on it; and the registration only ever creates a platform,
 * consuming the link in the same transaction. A failure after the link was claimed releases it.
 */
@ApplicationScoped
class DynamicRegistration {

    /** RFC 6750 b64token: what a bearer token may contain (no space, no line break). */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final int MAX_TOKEN_LENGTH = 8192;

    record Registered(RegisteredPlatform platform, boolean moodle) {
    }

    @Inject
    PlatformClient client;

    @Inject
    ToolConfiguration toolConfiguration;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationLinks links;

    @Inject
    @ConfigProperty(name = "lti.registration.open", defaultValue = "false")
    boolean open;

    @Inject
    @ConfigProperty(name = "lti.registration.allowed-hosts")
    Optional<String> allowedHosts;

    Registered register(String link, String configurationUrl, String registrationToken) {
        boolean withLink = !open;
        if (withLink && (link == null || link.isBlank())) {
            throw new LtiException(LtiError.REGISTRATION_LINK_REQUIRED);
        }
        URI configuration = HttpUrls.parse(configurationUrl)
                .orElseThrow(() -> new LtiException(LtiError.REGISTRATION_PARAMETER, "openid_configuration"));
        Origin origin = Origin.of(configuration)
                .orElseThrow(() -> new LtiException(LtiError.REGISTRATION_PARAMETER, "openid_configuration"));
        if (registrationToken != null && !registrationToken.isEmpty()
                && (registrationToken.length() > MAX_TOKEN_LENGTH || !BEARER_TOKEN.matcher(registrationToken).matches())) {
            throw new LtiException(LtiError.REGISTRATION_PARAMETER, "registration_token");
        }
        if (!AllowedOrigins.parse(allowedHosts.orElse(null)).allows(origin)) {
            throw new LtiException(LtiError.REGISTRATION_HOST_NOT_ALLOWED, origin);
        }
        Optional<RegistrationLinks.Claim> claim = withLink ? Optional.of(links.claim(link, origin)) : Optional.empty();
        try (PlatformClient.Exchange exchange = client.exchange()) {
            PlatformConfiguration platform = PlatformConfiguration.of(origin, exchange.configuration(configuration));
            JsonObject answer = exchange.register(platform.registrationEndpoint(), toolConfiguration.registration(),
                    registrationToken);
            RegisteredPlatform created = registrations.createDynamic(settings(platform, answer), claim);
            return new Registered(created, platform.isMoodle());
        } catch (RuntimeException failed) {
            claim.ifPresent(links::release);
            throw failed;
        }
    }

    /** The platform's answer names our client_id and, usually, the deployment it created. */
    private static PlatformSettings settings(PlatformConfiguration platform, JsonObject answer) {
        if (!(answer.get("client_id") instanceof JsonString clientId) || clientId.getString().isBlank()
                || clientId.getString().length() > 255) {
            throw new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, "client_id ?");
        }
        List<String> deployments = answer.get(ToolConfiguration.TOOL_CONFIGURATION) instanceof JsonObject tool
                && tool.get("deployment_id") instanceof JsonString deployment
                && !deployment.getString().isBlank() && deployment.getString().length() <= 255
                ? List.of(deployment.getString()) : List.of();
        return new PlatformSettings(platform.issuer(), clientId.getString(),
                platform.isMoodle() ? "Moodle " + URI.create(platform.issuer()).getHost() : platform.issuer(),
                platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(), deployments, true);
    }
}
