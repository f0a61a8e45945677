package fr.competences.lti.deeplinking;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.keys.ToolKeys;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import fr.competences.lti.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs the {@code LtiDeepLinkingResponse} of a deep linking session with the tool's current key: {@code iss} =
 * our client_id (Moodle checks it), {@code aud} = the platform's issuer, the platform's deployment_id, a fresh
 * nonce, and the request's {@code data} echoed. {@code iat} is set 5 s early: Moodle allows no clock skew (P-13).
 * https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-response-message
 */
@ApplicationScoped
public class DeepLinkingResponse {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final Duration SKEW = Duration.ofSeconds(5);

    /** The signed answer and where the page posts it (form field {@code JWT}). */
    public record Signed(String returnUrl, String jwt) {
    }

    @Inject
    ToolKeys keys;

    @Inject
    Registrations registrations;

    Clock clock = Clock.systemUTC();

    public Signed sign(Session session, List<ContentItem> items, String message) {
        if (session.deepLinkReturnUrl() == null) {
            throw new IllegalArgumentException("Not a deep linking session");
        }
        RegisteredPlatform platform = registrations.find(session.platformId())
                .orElseThrow(() -> new IllegalStateException("Plateforme " + session.platformId() + " inconnue"));
        String deploymentId = platform.deployments().entrySet().stream()
                .filter(d -> d.getValue() == session.deploymentId()).map(java.util.Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new LtiException(LtiError.PLATFORM_DISABLED, platform.name()));
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now.minus(SKEW)))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", deploymentId)
                .claim(DL + "content_items", items.stream().map(ContentItem::toClaim).toList());
        if (session.deepLinkData() != null) {
            claims.claim(DL + "data", session.deepLinkData());
        }
        if (message != null) {
            claims.claim(DL + "msg", message);
        }
        return new Signed(session.deepLinkReturnUrl(), keys.sign(claims.build()));
    }
}
