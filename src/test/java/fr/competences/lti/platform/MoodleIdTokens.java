package fr.competences.lti.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * id_tokens shaped like Moodle's ({@code lti_get_launch_data} + {@code sign_jwt}, docs/moodle.md P-4): aud as a
 * string, no azp, exp = iat + 60, deployment id = tool type id, LIS v2 role URIs, context, resource link,
 * custom, AGS and NRPS claims with {@code ?type_id=} URLs, launch presentation; name and email only when shared.
 */
final class MoodleIdTokens {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    private MoodleIdTokens() {
    }

    static JWTClaimsSet claims(String issuer, Launch launch, String nonce, Instant now) {
        String course = issuer + "/mod/lti/services.php/" + launch.contextId();
        String typeId = "?type_id=" + launch.deploymentId();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(launch.tool().clientId())
                .subject(launch.user().id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim(LTI + "deployment_id", launch.deploymentId())
                .claim(LTI + "message_type", launch.messageType())
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "target_link_uri", launch.tool().targetLinkUri())
                .claim(LTI + "roles", launch.roles())
                .claim(LTI + "context", Map.of("id", launch.contextId(), "label", "C" + launch.contextId(),
                        "title", launch.contextTitle(), "type", List.of("CourseSection")))
                .claim(LTI + "tool_platform", Map.of("product_family_code", "moodle", "version", "2024100700",
                        "guid", issuer.replaceFirst("https?://", ""), "name", "Moodle de test"))
                .claim(LTI + "launch_presentation", Map.of("locale", "fr", "document_target", "iframe",
                        "return_url", issuer + "/mod/lti/return.php?course=" + launch.contextId()))
                .claim(LTI + "custom", launch.custom())
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                        "context_memberships_url", course + "/bindings/" + launch.deploymentId() + "/memberships",
                        "service_versions", List.of("1.0", "2.0")));
        Map<String, Object> ags = new LinkedHashMap<>();
        ags.put("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        ags.put("lineitems", course + "/lineitems" + typeId);
        if (launch.resourceLinkId() != null) {
            claims.claim(LTI + "resource_link", Map.of("id", launch.resourceLinkId(), "title", launch.resourceLinkTitle()));
            ags.put("lineitem", course + "/lineitems/" + launch.resourceLinkId() + "/lineitem" + typeId);
        } else {
            claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                    "deep_link_return_url", issuer + "/mod/lti/contentitem_return.php?course=" + launch.contextId()
                            + "&id=" + launch.deploymentId() + "&sesskey=abc",
                    "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
                    List.of("iframe", "window"), "accept_multiple", true, "auto_create", true,
                    "data", "{\"launchid\":\"ltilaunch1\"}"));
        }
        claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags);
        Launch.User user = launch.user();
        if (user.name() != null) {
            claims.claim("name", user.name()).claim("given_name", user.givenName())
                    .claim("family_name", user.familyName());
        }
        if (user.email() != null) {
            claims.claim("email", user.email());
        }
        return launch.tamper().apply(claims).build();
    }

    /** Moodle signs with firebase/php-jwt: RS256, typ JWT, kid of the site key. */
    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
