package fr.competences.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.competences.lti.keys.HmacTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * Issues and reads the OIDC {@code state}: an HMAC-signed token, so the server keeps nothing between
 * login and launch. The nonce it carries is bound to it (the launch must bring back both), and the
 * browser secret it hashes ties it to the browser that logged in.
 */
@ApplicationScoped
class LoginStates {

    static final String TYPE = "lti-state";
    static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh login: the signed state for the platform, and what only this browser may know. */
    record Issued(String state, LoginState login, String browserSecret) {
    }

    @Inject
    HmacTokens tokens;

    Clock clock = Clock.systemUTC();

    public Issued issue(long platformId, LoginRequest request) {
        String browserSecret = random(32);
        Instant expiresAt = clock.instant().plus(VALIDITY);
        LoginState login = new LoginState(random(12), platformId, random(24), LoginState.hash(browserSecret), expiresAt,
                request);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(login.id())
                .claim("pid", platformId)
                .claim("nonce", login.nonce())
                .claim("bh", login.browserHash())
                .claim("iss", request.issuer())
                .claim("lh", request.loginHint())
                .claim("tl", request.targetLinkUri())
                .claim("mh", request.messageHint())
                .claim("cid", request.clientId())
                .claim("dep", request.deploymentId())
                .expirationTime(Date.from(expiresAt))
                .build();
        return new Issued(tokens.sign(TYPE, claims), login, browserSecret);
    }

    /** The login this state was issued for, if this server signed it and it has not expired. */
    public Optional<LoginState> read(String state) {
        return tokens.verify(TYPE, state).flatMap(LoginStates::toLogin);
    }

    private static Optional<LoginState> toLogin(JWTClaimsSet claims) {
        try {
            LoginRequest request = new LoginRequest(claims.getStringClaim("iss"), claims.getStringClaim("lh"),
                    claims.getStringClaim("tl"), claims.getStringClaim("mh"), claims.getStringClaim("cid"),
                    claims.getStringClaim("dep"));
            Long platformId = claims.getLongClaim("pid");
            String nonce = claims.getStringClaim("nonce");
            String browserHash = claims.getStringClaim("bh");
            if (platformId == null || nonce == null || browserHash == null || claims.getJWTID() == null) {
                return Optional.empty();
            }
            return Optional.of(new LoginState(claims.getJWTID(), platformId, nonce, browserHash,
                    claims.getExpirationTime().toInstant(), request));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
