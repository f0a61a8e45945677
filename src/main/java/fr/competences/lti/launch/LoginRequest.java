package fr.competences.lti.launch;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A third-party initiated login (https://www.imsglobal.org/spec/security/v1p0/#step-1-third-party-initiated-login):
 * sent by the platform as GET or POST (Moodle posts, docs/moodle.md P-1). Optional parameters are null.
 */
record LoginRequest(String issuer, String loginHint, String targetLinkUri, String messageHint, String clientId,
        String deploymentId) {

    static LoginRequest of(MultivaluedMap<String, String> parameters) {
        return new LoginRequest(parameters.getFirst("iss"), parameters.getFirst("login_hint"),
                parameters.getFirst("target_link_uri"), parameters.getFirst("lti_message_hint"),
                parameters.getFirst("client_id"), parameters.getFirst("lti_deployment_id"));
    }

    /** The same login at the tool, to start again in a new (first-party) window. */
    String retryUri(String publicUrl) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("iss", issuer);
        parameters.put("login_hint", loginHint);
        parameters.put("target_link_uri", targetLinkUri);
        parameters.put("lti_message_hint", messageHint);
        parameters.put("client_id", clientId);
        parameters.put("lti_deployment_id", deploymentId);
        StringJoiner query = new StringJoiner("&", publicUrl + "/lti/login?", "");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
