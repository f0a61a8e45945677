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
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

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
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            boolean valid = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    && new JOSEObjectType(type).equals(jwt.getHeader().getType())
                    && jwt.verify(new MACVerifier(secrets.sessionKey()));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            return valid && expiry != null && expiry.toInstant().isAfter(clock.instant())
                    ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
