package fr.competences.lti.deeplinking;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.keys.ToolKeys;
import fr.competences.lti.registration.Platform;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import fr.competences.lti.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeepLinkingResponseTest {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final RSAKey KEY = key();

    final DeepLinkingResponse response = new DeepLinkingResponse();

    DeepLinkingResponseTest() {
        response.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        response.keys = new ToolKeys() {
            @Override
            public String sign(JWTClaimsSet claims) {
                try {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
                    jwt.sign(new RSASSASigner(KEY));
                    return jwt.serialize();
                } catch (JOSEException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        response.registrations = new Registrations() {
            @Override
            public Optional<RegisteredPlatform> find(long id) {
                return Optional.of(new RegisteredPlatform(7, "https://moodle.lycee.fr", "client-42", "Moodle", "a", "t",
                        "j", true, Platform.RegisteredBy.ADMIN, Map.of("3", 70L, "4", 71L)));
            }
        };
    }

    @Test
    void signsAMoodleReadyResponseWithOneLinkPerItem() throws Exception {
        Session session = new Session(7, 71, 9, null, 5, 6, CourseRole.TEACHER, Locale.FRENCH,
                "https://moodle.lycee.fr/mod/lti/contentitem_return.php?course=2&id=4", "{\"launchid\":\"x\"}",
                true, NOW, NOW);
        ContentItem item = new ContentItem("TP API", "Consignes", "https://outil.fr/lti/launch",
                Map.of("activity_id", "12"), new ContentItem.LineItem(20, "TP API", "12", "competences-lti"));

        DeepLinkingResponse.Signed signed = response.sign(session, List.of(item), null);

        assertThat(signed.returnUrl()).isEqualTo(session.deepLinkReturnUrl());
        SignedJWT jwt = SignedJWT.parse(signed.jwt());
        assertThat(jwt.verify(new RSASSAVerifier(KEY.toRSAPublicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).as("Moodle checks iss = client_id").isEqualTo("client-42");
        assertThat(claims.getAudience()).containsExactly("https://moodle.lycee.fr");
        assertThat(claims.getIssueTime().toInstant()).as("no clock skew allowed by Moodle").isBefore(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isAfter(NOW);
        assertThat(claims.getStringClaim("nonce")).isNotBlank();
        assertThat(claims.getStringClaim(DeepLinkingResponse.LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(DeepLinkingResponse.LTI + "version")).isEqualTo("1.3.0");
        assertThat(claims.getStringClaim(DeepLinkingResponse.LTI + "deployment_id")).isEqualTo("4");
        assertThat(claims.getStringClaim(DeepLinkingResponse.DL + "data")).isEqualTo("{\"launchid\":\"x\"}");
        assertThat(claims.getListClaim(DeepLinkingResponse.DL + "content_items")).singleElement().isEqualTo(Map.of(
                "type", "ltiResourceLink", "title", "TP API", "text", "Consignes", "url", "https://outil.fr/lti/launch",
                "custom", Map.of("activity_id", "12"), "lineItem", Map.of("scoreMaximum", 20.0, "label", "TP API",
                        "resourceId", "12", "tag", "competences-lti")));
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
