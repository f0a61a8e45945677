package fr.competences.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tokens the tool signs for itself (HS256 with {@link ServerSecrets}): the OIDC login state and
 * the session token. The {@code typ} header keeps one kind from being accepted as the other.
 */
@ApplicationScoped
public class HmacTokens {

    static final int MAX_LENGTH = 8_000;

    @Inject
    ServerSecrets secrets;

    Clock clock = Clock.systemUTC();

    public String sign(String type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(type)).build(),
                    claims);
            jwt.sign(new MACSigner(secrets.sessionKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Signature HMAC impossible", e);
        }
    }

    /** The claims of a token of this type signed by this server and not expired; empty otherwise. */
    public Optional<JWTClaimsSet> verify(String type, String token) {
        return verifyEvenIfExpired(type, token).filter(claims -> claims.getExpirationTime() != null
                && claims.getExpirationTime().toInstant().isAfter(clock.instant()));
    }

    /**
     * The claims of a token of this type signed by this server, expired or not (with an expiry): for a caller that
     * decides by itself how long after its expiry a token may still serve, on another proof.
     */
    public Optional<JWTClaimsSet> verifyEvenIfExpired(String type, String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            boolean valid = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    && new JOSEObjectType(type).equals(jwt.getHeader().getType())
                    && jwt.verify(new MACVerifier(secrets.sessionKey()));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return valid && claims.getExpirationTime() != null ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA256 of {@code purpose:value} with the server's secret, base64url: a value only this server can make. */
    public String mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.sessionKey(), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC impossible", e);
        }
    }
}
