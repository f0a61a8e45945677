package fr.competences.lti.registration;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.logging.Logger;

/**
 * The platform's OpenID configuration, as far as registration needs it
 * (https://www.imsglobal.org/spec/lti-dr/v1p0#platform-configuration). A configuration speaks only for the origin
 * that served it: its issuer must be exactly that origin (scheme, host and port; a path is allowed, Moodle's issuer
 * is its {@code wwwroot}), and the tool posts its registration nowhere else than on that origin.
 */
record PlatformConfiguration(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
        URI registrationEndpoint, String productFamily) {

    private static final Logger LOG = Logger.getLogger(PlatformConfiguration.class.getName());
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    static PlatformConfiguration of(Origin servedFrom, JsonObject json) {
        String issuer = required(json, "issuer");
        if (!HttpUrls.isIssuer(issuer)) {
            throw new LtiException(LtiError.REGISTRATION_ISSUER_INVALID, issuer);
        }
        if (!Origin.of(issuer).filter(servedFrom::equals).isPresent()) {
            throw new LtiException(LtiError.REGISTRATION_ISSUER_FOREIGN, servedFrom, issuer);
        }
        URI registrationEndpoint = URI.create(httpUrl(json, "registration_endpoint"));
        if (!servedFrom.contains(registrationEndpoint)) {
            throw new LtiException(LtiError.REGISTRATION_ENDPOINT_FOREIGN, servedFrom);
        }
        JsonValue platform = json.get(PLATFORM_CONFIGURATION);
        String family = platform instanceof JsonObject object && object.get("product_family_code")
                instanceof JsonString code ? code.getString() : "";
        return new PlatformConfiguration(issuer, httpUrl(json, "authorization_endpoint"),
                httpUrl(json, "token_endpoint"), httpUrl(json, "jwks_uri"), registrationEndpoint, family);
    }

    boolean isMoodle() {
        return "moodle".equalsIgnoreCase(productFamily);
    }

    private static String required(JsonObject json, String name) {
        if (!(json.get(name) instanceof JsonString value) || value.getString().isBlank()
                || value.getString().length() > 1000) {
            throw unreadable(name + " absent");
        }
        return value.getString();
    }

    private static String httpUrl(JsonObject json, String name) {
        String value = required(json, name);
        return HttpUrls.parse(value).map(uri -> value).orElseThrow(() -> unreadable(name + " n'est pas une URL"));
    }

    /** Told to the user as "could not read the configuration"; the detail goes to the log only. */
    private static LtiException unreadable(String reason) {
        LOG.warning(() -> "Configuration OpenID de plateforme inutilisable : " + reason);
        return new LtiException(LtiError.REGISTRATION_CONFIGURATION_UNREADABLE);
    }
}
