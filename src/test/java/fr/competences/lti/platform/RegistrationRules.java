package fr.competences.lti.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;

/** What Moodle's registration helper requires of a tool's registration (docs/moodle.md P-12). */
final class RegistrationRules {

    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    private RegistrationRules() {
    }

    /** The first broken rule, or null. */
    static String problem(JsonObject body) {
        if (!body.containsKey("response_types") || !body.getJsonArray("response_types").contains(
                jakarta.json.Json.createValue("id_token"))) {
            return "response_types must include id_token";
        }
        for (String required : List.of("initiate_login_uri", "client_name", "jwks_uri")) {
            if (!(body.get(required) instanceof JsonString)) {
                return required + " required";
            }
        }
        if (!body.containsKey("redirect_uris") || body.getJsonArray("redirect_uris").isEmpty()) {
            return "redirect_uris required";
        }
        if (!"private_key_jwt".equals(body.getString("token_endpoint_auth_method", ""))) {
            return "token_endpoint_auth_method must be private_key_jwt";
        }
        if (body.containsKey("application_type") && !"web".equals(body.getString("application_type"))) {
            return "application_type must be web";
        }
        JsonObject tool = body.getJsonObject(TOOL_CONFIGURATION);
        if (tool == null || !(tool.get("domain") instanceof JsonString) || !(tool.get("target_link_uri") instanceof JsonString)) {
            return "lti-tool-configuration domain and target_link_uri required";
        }
        return null;
    }

    static ToolRegistration pendingTool(JsonObject body, String typeId) {
        return new ToolRegistration(UUID.randomUUID().toString().substring(0, 12), List.of(typeId),
                body.getString("initiate_login_uri"),
                body.getJsonArray("redirect_uris").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                body.getJsonObject(TOOL_CONFIGURATION).getString("target_link_uri"), false);
    }
}
