package fr.competences.lti.ags;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.competences.lti.keys.ToolKeys;
import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import fr.competences.lti.outbound.OutboundHttp;
import fr.competences.lti.outbound.OutboundRequest;
import fr.competences.lti.outbound.OutboundResponse;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * OAuth 2 access tokens for the platform's services: client_credentials grant authenticated by a JWT client
 * assertion signed with the tool's key (https://www.imsglobal.org/spec/security/v1p0/#using-json-web-tokens-with-oauth-2-0-client-credentials-grant):
 * iss = sub = client_id, aud = the token endpoint, a unique jti, iat 5 s in the past (Moodle has no leeway, P-13),
 * exp one minute later. Tokens are cached per (platform, scope set) until a minute before they expire; one request
 * per key at a time, so a burst of deliveries asks for one token.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    static final long DEFAULT_LIFETIME_SECONDS = 3600;

    record Key(long platformId, String scopes) {
    }

    record Token(String value, Instant refreshAt) {
    }

    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @Inject
    OutboundHttp http;
    Clock clock = Clock.systemUTC();
    Function<JWTClaimsSet, String> signer;

    @Inject
    void keys(ToolKeys keys) {
        this.signer = keys::sign;
    }

    /**
     * The guarded client the services send with. Read through this method, never as a field: callers hold a CDI
     * proxy, whose own fields are never injected.
     */
    public OutboundHttp http() {
        return http;
    }

    /** A valid token for these scopes at this platform, from the cache or asked for now. */
    public String token(RegisteredPlatform platform, Set<String> scopes) {
        Key key = new Key(platform.id(), scopeString(scopes));
        Token cached = tokens.get(key);
        if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
            return cached.value();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = tokens.get(key);
            if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
                return cached.value();
            }
            Token fresh = request(platform, key.scopes());
            tokens.put(key, fresh);
            return fresh.value();
        }
    }

    /** Forgets a token the platform refused (401), unless another thread already replaced it. */
    public void refused(RegisteredPlatform platform, Set<String> scopes, String token) {
        Key key = new Key(platform.id(), scopeString(scopes));
        tokens.computeIfPresent(key, (k, cached) -> cached.value().equals(token) ? null : cached);
    }

    /** Token requests made since the start (the benchmark prints it). */
    public int requestCount() {
        return requests.get();
    }

    private Token request(RegisteredPlatform platform, String scopes) {
        if (platform.tokenEndpoint() == null || platform.tokenEndpoint().isBlank()) {
            throw new ServiceException(0, "No token endpoint registered for " + platform.issuer());
        }
        requests.incrementAndGet();
        Map<String, String> form = Map.of("grant_type", "client_credentials", "client_assertion_type", ASSERTION_TYPE,
                "client_assertion", assertion(platform), "scope", scopes);
        OutboundRequest request = OutboundRequest.post(URI.create(platform.tokenEndpoint()),
                        "application/x-www-form-urlencoded", formEncoded(form))
                .timeout(PlatformHttp.REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", PlatformHttp.USER_AGENT);
        OutboundResponse response = PlatformHttp.send(http, request);
        if (response.status() != 200) {
            LOG.warning(() -> "Jeton d'accès refusé par " + platform.tokenEndpoint() + " : HTTP " + response.status()
                    + " " + PlatformHttp.excerpt(response.body()));
            throw new ServiceException(response.status(), "token endpoint: " + response.body());
        }
        String accessToken;
        long lifetime;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject body = reader.readObject();
            accessToken = body.getString("access_token");
            lifetime = body.getJsonNumber("expires_in") == null ? DEFAULT_LIFETIME_SECONDS
                    : body.getJsonNumber("expires_in").longValue();
        } catch (RuntimeException malformed) { // not JSON, no access_token: the body is not quoted, it may hold one
            throw new ServiceException(502, "token endpoint answered without a readable access_token");
        }
        Instant refreshAt = clock.instant().plusSeconds(lifetime).minus(EXPIRY_MARGIN);
        LOG.fine(() -> "Jeton d'accès obtenu de " + platform.issuer() + " pour « " + scopes + " » (" + lifetime + " s)");
        return new Token(accessToken, refreshAt);
    }

    String assertion(RegisteredPlatform platform) {
        Instant now = clock.instant().minus(CLOCK_SKEW);
        return signer.apply(new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(platform.tokenEndpoint())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    private static String scopeString(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
