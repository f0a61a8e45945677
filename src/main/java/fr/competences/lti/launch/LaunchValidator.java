package fr.competences.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.deeplinking.ContentItem;
import fr.competences.lti.course.CourseClaims;
import fr.competences.lti.course.PersonClaims;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the launch (the id_token POST), one named step after the other, following 1EdTech Security
 * Framework 1.0 §5.1.3 (https://www.imsglobal.org/spec/security/v1p0/#authentication-response-validation)
 * and LTI Core 1.3 §5 (https://www.imsglobal.org/spec/lti/v1p3/#required-message-claims). Each step throws
 * a named {@link LtiException}. The nonce is spent by {@link Provisioning}, in the transaction that stores the launch:
 * only a launch that passed everything and was stored uses it up, and a launch costs one commit, not two.
 */
@ApplicationScoped
class LaunchValidator {

    static final int MAX_TOKEN_LENGTH = 32_000;
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    static final Set<String> MESSAGE_TYPES = Set.of(LaunchContext.RESOURCE_LINK_REQUEST,
            LaunchContext.DEEP_LINKING_REQUEST);

    /**
     * What the browser sent to the redirect URI: the form fields, its cookies (name → value), and the browser
     * secret the launch page recovered from localStorage when the cookie did not come (null otherwise).
     */
    record LaunchRequest(String idToken, String state, Map<String, String> cookies, String recoveredSecret) {

        Optional<String> browserSecret(LoginState login) {
            return Optional.ofNullable(cookies.get(login.storageKey())).or(() -> Optional.ofNullable(recoveredSecret))
                    .filter(secret -> !secret.isBlank());
        }
    }

    /** A launch that passed every step, and the login it completes. */
    record Accepted(LaunchContext launch, LoginState login) {
    }

    @Inject
    LoginStates states;

    @Inject
    Registrations registrations;

    @Inject
    PlatformKeys platformKeys;

    @Inject
    LaunchSettings settings;

    Clock clock = Clock.systemUTC();

    public Accepted validate(LaunchRequest request) {
        LoginState login = requireState(request.state());
        requireSameBrowser(login, request.browserSecret(login));
        RegisteredPlatform platform = requireEnabledPlatform(login);
        SignedJWT token = requireSignedToken(request.idToken());
        verifySignature(platform, token);
        JWTClaimsSet claims = claimsOf(token);
        requireIssuer(platform, claims);
        requireAudience(platform, claims);
        requireFreshness(claims);
        requireNonce(login, claims);
        Claims lti = new Claims(claims);
        String deploymentId = lti.identifier(Claims.DEPLOYMENT_ID);
        long deployment = requireDeployment(platform, deploymentId);
        LaunchContext context = readMessage(platform, deployment, deploymentId, lti);
        return new Accepted(context, login);
    }

    private LoginState requireState(String state) {
        if (state == null || state.isBlank()) {
            throw new LtiException(LtiError.STATE_MISSING);
        }
        return states.read(state).orElseThrow(() -> new LtiException(LtiError.STATE_INVALID));
    }

    /** https://www.imsglobal.org/spec/security/v1p0/#step-3-authentication-response: state tied to the browser. */
    private static void requireSameBrowser(LoginState login, Optional<String> browserSecret) {
        if (browserSecret.isEmpty()) {
            throw new BrowserNotRecognized(login);
        }
        if (!login.heldBy(browserSecret.get())) {
            throw new LtiException(LtiError.STATE_MISMATCH);
        }
    }

    private RegisteredPlatform requireEnabledPlatform(LoginState login) {
        RegisteredPlatform platform = registrations.find(login.platformId())
                .orElseThrow(() -> new LtiException(LtiError.PLATFORM_UNKNOWN, login.request().issuer(),
                        String.valueOf(login.request().clientId())));
        if (!platform.enabled()) {
            throw new LtiException(LtiError.PLATFORM_DISABLED, platform.issuer());
        }
        return platform;
    }

    /** A compact JWS of reasonable size, signed with an asymmetric algorithm: never "none", never HMAC. */
    private static SignedJWT requireSignedToken(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw new LtiException(LtiError.TOKEN_MISSING);
        }
        if (idToken.length() > MAX_TOKEN_LENGTH) {
            throw new LtiException(LtiError.TOKEN_TOO_LARGE, idToken.length(), MAX_TOKEN_LENGTH);
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.trim());
        } catch (ParseException e) {
            throw new LtiException(LtiError.TOKEN_MALFORMED, "compact JWS");
        }
        if (!(jwt instanceof SignedJWT signed) || !ASYMMETRIC.contains(signed.getHeader().getAlgorithm())) {
            throw new LtiException(LtiError.ALGORITHM_REFUSED, jwt.getHeader().getAlgorithm().getName());
        }
        return signed;
    }

    private void verifySignature(RegisteredPlatform platform, SignedJWT token) {
        JWK key = platformKeys.keyFor(platform, token.getHeader());
        try {
            if (!token.verify(verifierFor(key))) {
                throw new LtiException(LtiError.SIGNATURE_INVALID);
            }
        } catch (JOSEException e) {
            throw new LtiException(LtiError.SIGNATURE_INVALID);
        }
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        throw new JOSEException("Unsupported key type " + key.getKeyType());
    }

    private static JWTClaimsSet claimsOf(SignedJWT token) {
        try {
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LtiException(LtiError.TOKEN_MALFORMED, "JWT claims set");
        }
    }

    private static void requireIssuer(RegisteredPlatform platform, JWTClaimsSet claims) {
        if (!platform.issuer().equals(claims.getIssuer())) {
            throw new LtiException(LtiError.ISSUER_MISMATCH, String.valueOf(claims.getIssuer()), platform.issuer());
        }
    }

    /** aud may be a string (Moodle) or a list; with several audiences azp must name us (Security §5.1.3 4-5). */
    private static void requireAudience(RegisteredPlatform platform, JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (!audience.contains(platform.clientId())) {
            throw new LtiException(LtiError.AUDIENCE_MISMATCH, platform.clientId());
        }
        Object azp = claims.getClaim("azp");
        if ((azp != null || audience.size() > 1) && !platform.clientId().equals(azp)) {
            throw new LtiException(LtiError.AUTHORIZED_PARTY_MISMATCH, platform.clientId());
        }
    }

    /** exp and iat required, nbf honoured, all with the configured leeway and no extra maximum age. */
    private void requireFreshness(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        Date issuedAt = claims.getIssueTime();
        if (expiry == null || issuedAt == null) {
            throw new LtiException(LtiError.CLAIM_MISSING, expiry == null ? "exp" : "iat");
        }
        if (expiry.toInstant().plus(settings.clockLeeway()).isBefore(now)) {
            throw new LtiException(LtiError.TOKEN_EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        Instant earliest = notBefore == null ? issuedAt.toInstant() : notBefore.toInstant();
        if (issuedAt.toInstant().isAfter(earliest)) {
            earliest = issuedAt.toInstant();
        }
        if (earliest.minus(settings.clockLeeway()).isAfter(now)) {
            throw new LtiException(LtiError.TOKEN_NOT_YET_VALID);
        }
    }

    private static void requireNonce(LoginState login, JWTClaimsSet claims) {
        Object nonce = claims.getClaim("nonce");
        if (nonce == null) {
            throw new LtiException(LtiError.CLAIM_MISSING, "nonce");
        }
        if (!login.nonce().equals(nonce)) {
            throw new LtiException(LtiError.NONCE_MISMATCH);
        }
    }

    private static long requireDeployment(RegisteredPlatform platform, String deploymentId) {
        return platform.deployment(deploymentId)
                .orElseThrow(() -> new LtiException(LtiError.DEPLOYMENT_UNKNOWN, deploymentId, platform.issuer()));
    }

    /** LTI Core §5.3 (resource link) and Deep Linking 2.0 §4.4 claims, read into the launch context. */
    private static LaunchContext readMessage(RegisteredPlatform platform, long deployment, String deploymentId,
            Claims lti) {
        String messageType = lti.required(Claims.MESSAGE_TYPE);
        if (!MESSAGE_TYPES.contains(messageType)) {
            throw new LtiException(LtiError.MESSAGE_TYPE_UNSUPPORTED, messageType);
        }
        String version = lti.required(Claims.VERSION);
        if (!"1.3.0".equals(version)) {
            throw new LtiException(LtiError.VERSION_UNSUPPORTED, version);
        }
        String subject = lti.identifier("sub");
        List<String> roles = lti.strings(Claims.ROLES)
                .orElseThrow(() -> new LtiException(LtiError.CLAIM_MISSING, Claims.ROLES));
        String targetLinkUri = lti.required(Claims.TARGET_LINK_URI);
        Claims context = lti.requiredObject(Claims.CONTEXT);
        boolean deepLinking = LaunchContext.DEEP_LINKING_REQUEST.equals(messageType);
        return new LaunchContext(platform.id(), platform.issuer(), platform.clientId(), deployment, deploymentId,
                messageType, targetLinkUri, subject, person(lti), roles, context.identifier("id"),
                course(context, lti), deepLinking ? null : resourceLink(lti),
                deepLinking ? deepLinkingSettings(lti) : null,
                lti.object(Claims.CUSTOM).map(Claims::texts).orElse(Map.of()),
                Language.fromTag(lti.locale().orElse(null)));
    }

    private static PersonClaims person(Claims lti) {
        return new PersonClaims(lti.optional("name").orElse(null), lti.optional("given_name").orElse(null),
                lti.optional("family_name").orElse(null), lti.optional("email").orElse(null));
    }

    private static CourseClaims course(Claims context, Claims lti) {
        Optional<Claims> ags = lti.object(Claims.AGS_ENDPOINT);
        return new CourseClaims(context.optional("label").orElse(null), context.optional("title").orElse(null),
                lti.object(Claims.NRPS).flatMap(n -> n.optional("context_memberships_url")).orElse(null),
                ags.flatMap(a -> a.optional("lineitems")).orElse(null),
                ags.flatMap(a -> a.strings("scope")).map(s -> String.join(" ", s)).orElse(null));
    }

    private static LaunchContext.ResourceLinkClaims resourceLink(Claims lti) {
        Claims link = lti.requiredObject(Claims.RESOURCE_LINK);
        return new LaunchContext.ResourceLinkClaims(link.identifier("id"), link.optional("title").orElse(null),
                lti.object(Claims.AGS_ENDPOINT).flatMap(a -> a.optional("lineitem")).orElse(null));
    }

    /** https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-settings: we answer with ltiResourceLink items only. */
    private static LaunchContext.DeepLinkingSettings deepLinkingSettings(Claims lti) {
        Claims settings = lti.requiredObject(Claims.DEEP_LINKING_SETTINGS);
        List<String> acceptTypes = settings.strings("accept_types")
                .orElseThrow(() -> new LtiException(LtiError.CLAIM_MISSING, "deep_linking_settings.accept_types"));
        if (!acceptTypes.contains(ContentItem.TYPE)) {
            throw new LtiException(LtiError.DEEP_LINKING_TYPE_REFUSED, String.join(", ", acceptTypes));
        }
        return new LaunchContext.DeepLinkingSettings(settings.required("deep_link_return_url"),
                settings.optional("data").orElse(null), acceptTypes, settings.flag("accept_multiple"));
    }
}
