package fr.competences.lti.registration;

import fr.competences.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;

/**
 * How the tool describes itself to a platform, with the real {@code PUBLIC_URL}: the LTI Dynamic Registration
 * client registration (https://www.imsglobal.org/spec/lti-dr/v1p0#tool-configuration), also served at
 * {@code /lti/config.json} for LMSs configured by hand. It asks for every AGS and NRPS scope (grade sync
 * with column management, members) and for the name claims only: the tool has no use for e-mail addresses, and
 * Moodle shares what a dynamic registration asks for (lti-facts P-5: asking for {@code email} sets "share email"
 * to Always).
 */
@ApplicationScoped
public class ToolConfiguration {

    public static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String SCOPES = String.join(" ",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    static final String NAME = "Compétences LTI";
    static final String DESCRIPTION = "Suivi des compétences du BTS SIO : associe les activités aux compétences "
            + "du référentiel et en reporte les résultats dans le carnet de notes.";

    @Inject
    Settings settings;

    public JsonObject registration() {
        String url = settings.publicUrl();
        String launch = url + "/lti/launch";
        return Json.createObjectBuilder()
                .add("application_type", "web")
                .add("response_types", Json.createArrayBuilder().add("id_token"))
                .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
                .add("initiate_login_uri", url + "/lti/login")
                .add("redirect_uris", Json.createArrayBuilder().add(launch))
                .add("client_name", NAME)
                .add("jwks_uri", url + "/lti/jwks")
                .add("token_endpoint_auth_method", "private_key_jwt")
                .add("scope", SCOPES)
                .add(TOOL_CONFIGURATION, Json.createObjectBuilder()
                        .add("domain", URI.create(url).getAuthority())
                        .add("target_link_uri", launch)
                        .add("description", DESCRIPTION)
                        .add("claims", Json.createArrayBuilder().add("iss").add("sub").add("name").add("given_name")
                                .add("family_name"))
                        .add("messages", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest")
                                        .add("target_link_uri", launch))
                                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest")
                                        .add("target_link_uri", launch).add("label", NAME))))
                .build();
    }
}
