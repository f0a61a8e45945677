package fr.competences.lti.platform;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Moodle's {@code mod/lti/auth.php} (docs/moodle.md P-2): scope, response_type, response_mode, nonce required, prompt
 * none or absent; an unknown client or a redirect_uri that is not exactly a registered one gets an error page and
 * nothing is posted; a login_hint that is not the launching user gets {@code access_denied} posted back. Otherwise
 * the id_token and the untouched state are posted back by an auto-submitted form.
 */
final class AuthorizationEndpoint {

    private AuthorizationEndpoint() {
    }

    static void handle(TestPlatform platform, HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        ToolRegistration tool = platform.tool(query.getOrDefault("client_id", ""));
        String redirectUri = query.get("redirect_uri");
        if (tool == null || !tool.active() || redirectUri == null || !tool.redirectUris().contains(redirectUri)) {
            TestPlatform.respond(exchange, 400, "text/html", "<p>invalidrequest: unknown client or redirect_uri</p>");
            return;
        }
        Launch launch = platform.takeLaunch(query.get("lti_message_hint"));
        String error = launch == null ? "invalid_request" : problem(query, launch);
        Map<String, String> fields = new HashMap<>();
        if (query.containsKey("state")) {
            fields.put("state", query.get("state"));
        }
        if (error != null) {
            fields.put("error", error);
            fields.put("error_description", "Moodle refused the authentication request");
        } else {
            fields.put("id_token", platform.idToken(launch, query.get("nonce")));
        }
        TestPlatform.respond(exchange, 200, "text/html", new HtmlForm("POST", redirectUri, fields).autoSubmitted());
    }

    private static String problem(Map<String, String> query, Launch launch) {
        if (!"openid".equals(query.get("scope")) || query.get("nonce") == null || query.get("nonce").isBlank()
                || !"form_post".equals(query.get("response_mode"))) {
            return "invalid_request";
        }
        if (!"id_token".equals(query.get("response_type"))) {
            return "unsupported_response_type";
        }
        if (query.containsKey("prompt") && !"none".equals(query.get("prompt"))) {
            return "invalid_request";
        }
        return launch.user().id().equals(query.get("login_hint")) ? null : "access_denied";
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                values.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
