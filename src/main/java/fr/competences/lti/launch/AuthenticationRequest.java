package fr.competences.lti.launch;

import fr.competences.config.Settings;
import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OIDC authentication request sent to the platform
 * (https://www.imsglobal.org/spec/security/v1p0/#step-2-authentication-request), as the model of the
 * auto-submitted GET form of the login page. A GET form replaces the action's query string, so the
 * endpoint's own query parameters become fields too.
 */
@ApplicationScoped
class AuthenticationRequest {

    @Inject
    Settings settings;

    public Map<String, Object> page(RegisteredPlatform platform, LoginRequest request, LoginStates.Issued issued) {
        URI endpoint = URI.create(platform.authorizationEndpoint());
        List<Map<String, String>> fields = new ArrayList<>(queryOf(endpoint));
        field(fields, "scope", "openid");
        field(fields, "response_type", "id_token");
        field(fields, "response_mode", "form_post");
        field(fields, "prompt", "none");
        field(fields, "client_id", platform.clientId());
        field(fields, "redirect_uri", settings.publicUrl() + "/lti/launch");
        field(fields, "login_hint", request.loginHint());
        field(fields, "state", issued.state());
        field(fields, "nonce", issued.login().nonce());
        if (request.messageHint() != null) {
            field(fields, "lti_message_hint", request.messageHint());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("action", withoutQuery(endpoint));
        model.put("fields", fields);
        model.put("storageKey", issued.login().storageKey());
        model.put("storageValue", issued.browserSecret());
        model.put("storageExpires", issued.login().expiresAt().toEpochMilli());
        return model;
    }

    private static List<Map<String, String>> queryOf(URI endpoint) {
        List<Map<String, String>> fields = new ArrayList<>();
        if (endpoint.getRawQuery() != null) {
            for (String pair : endpoint.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                field(fields, decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return fields;
    }

    private static String withoutQuery(URI endpoint) {
        String full = endpoint.toString();
        int query = full.indexOf('?');
        return query < 0 ? full : full.substring(0, query);
    }

    private static void field(List<Map<String, String>> fields, String name, String value) {
        fields.add(Map.of("name", name, "value", value));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
