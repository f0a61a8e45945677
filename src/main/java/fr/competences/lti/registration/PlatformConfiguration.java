package fr.competences.lti.registration;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;

/**
 * The platform's OpenID configuration, as far as registration needs it
 * (https://www.imsglobal.org/spec/lti-dr/v1p0#platform-configuration). Its issuer must be on the host that
 * served it, so that a configuration cannot speak for another platform.
 */
record PlatformConfiguration(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
        URI registrationEndpoint, String productFamily) {

    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    static PlatformConfiguration of(URI servedFrom, JsonObject json) {
        String issuer = required(json, "issuer");
        if (!servedFrom.getHost().equalsIgnoreCase(hostOf(issuer))) {
            throw invalid("issuer " + issuer + " ≠ " + servedFrom.getHost());
        }
        JsonValue platform = json.get(PLATFORM_CONFIGURATION);
        String family = platform instanceof JsonObject object ? object.getString("product_family_code", "") : "";
        return new PlatformConfiguration(issuer, httpUrl(json, "authorization_endpoint"),
                httpUrl(json, "token_endpoint"), httpUrl(json, "jwks_uri"),
                URI.create(httpUrl(json, "registration_endpoint")), family);
    }

    boolean isMoodle() {
        return "moodle".equalsIgnoreCase(productFamily);
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String required(JsonObject json, String name) {
        if (!(json.get(name) instanceof JsonString value) || value.getString().isBlank()) {
            throw invalid(name + " ?");
        }
        return value.getString();
    }

    private static String httpUrl(JsonObject json, String name) {
        String value = required(json, name);
        return HttpUrls.parse(value).map(uri -> value).orElseThrow(() -> invalid(name + " : URL"));
    }

    private static LtiException invalid(String reason) {
        return new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, "openid-configuration, " + reason);
    }
}
