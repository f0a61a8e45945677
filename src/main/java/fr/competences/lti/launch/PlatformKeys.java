package fr.competences.lti.launch;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.outbound.OutboundHttp;
import fr.competences.lti.outbound.OutboundRequest;
import fr.competences.lti.outbound.OutboundResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * The platforms' public keys, fetched from their JWKS URL and cached per platform: launches never wait on a
 * fetch except the first one, once an hour, and once when a token names an unknown {@code kid} (the platform
 * rotated its keys). Such refetches happen at most every {@link #REFETCH_INTERVAL} per platform, so that forged kids
 * cannot make the tool hammer the platform; a token arriving within that interval waits out the rest of it once and
 * shares the next fetch, so that forged kids cannot make a genuine rotation fail either. At most
 * {@link #MAX_WAITING} launches per platform wait so; beyond, the launch is refused as keys unavailable.
 */
@ApplicationScoped
class PlatformKeys {

    private static final Logger LOG = Logger.getLogger(PlatformKeys.class.getName());
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(2);
    static final int MAX_JWKS_BYTES = 256 * 1024;
    static final int MAX_WAITING = 32;

    private record KeySet(String uri, JWKSet keys, Instant fetchedAt) {
    }

    private final Map<Long, KeySet> cache = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Map<Long, Semaphore> waiting = new ConcurrentHashMap<>();

    @Inject
    OutboundHttp http;

    Clock clock = Clock.systemUTC();

    /** The key that signed a token of this platform. */
    public JWK keyFor(RegisteredPlatform platform, JWSHeader header) {
        KeySet keys = current(platform);
        Optional<JWK> key = select(keys.keys(), header);
        if (key.isEmpty()) {
            key = select(refetchForUnknownKid(platform, keys).keys(), header);
        }
        return key.orElseThrow(() -> new LtiException(LtiError.KEY_UNKNOWN, String.valueOf(header.getKeyID()),
                platform.jwksUri()));
    }

    /** Waits until the platform may be asked again, then refetches unless a launch waiting alongside already did. */
    private KeySet refetchForUnknownKid(RegisteredPlatform platform, KeySet seen) {
        Duration wait = Duration.between(clock.instant(), seen.fetchedAt().plus(REFETCH_INTERVAL));
        if (wait.isPositive()) {
            Semaphore places = waiting.computeIfAbsent(platform.id(), id -> new Semaphore(MAX_WAITING));
            if (!places.tryAcquire()) {
                throw new LtiException(LtiError.KEYS_UNAVAILABLE, "trop de jetons à clé inconnue en attente");
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LtiException(LtiError.KEYS_UNAVAILABLE, "interrompu");
            } finally {
                places.release();
            }
        }
        return refetch(platform, seen);
    }

    private KeySet current(RegisteredPlatform platform) {
        KeySet keys = cache.get(platform.id());
        if (keys != null && keys.uri().equals(platform.jwksUri())
                && keys.fetchedAt().plus(MAX_AGE).isAfter(clock.instant())) {
            return keys;
        }
        return refetch(platform, keys);
    }

    /** One fetch per platform at a time; a failed refresh keeps the keys already known. */
    private KeySet refetch(RegisteredPlatform platform, KeySet seen) {
        synchronized (locks.computeIfAbsent(platform.id(), id -> new Object())) {
            KeySet latest = cache.get(platform.id());
            if (latest != null && latest != seen) {
                return latest; // another launch fetched meanwhile
            }
            try {
                KeySet fetched = new KeySet(platform.jwksUri(), fetch(platform.jwksUri()), clock.instant());
                cache.put(platform.id(), fetched);
                LOG.info(() -> "Clés de la plateforme " + platform.issuer() + " lues : " + fetched.keys().size());
                return fetched;
            } catch (IOException | ParseException e) {
                LOG.warning(() -> "Clés de la plateforme " + platform.issuer() + " illisibles (" + platform.jwksUri()
                        + ") : " + e.getMessage());
                if (latest != null && latest.uri().equals(platform.jwksUri())) {
                    KeySet kept = new KeySet(latest.uri(), latest.keys(), clock.instant());
                    cache.put(platform.id(), kept);
                    return kept;
                }
                throw new LtiException(LtiError.KEYS_UNAVAILABLE, e.getMessage());
            }
        }
    }

    private JWKSet fetch(String uri) throws IOException, ParseException {
        OutboundRequest request;
        try {
            request = OutboundRequest.get(URI.create(uri)).timeout(Duration.ofSeconds(5))
                    .maxAnswerBytes(MAX_JWKS_BYTES).header("Accept", "application/json")
                    .header("User-Agent", "competences-lti");
        } catch (IllegalArgumentException e) {
            throw new IOException("URL invalide", e);
        }
        OutboundResponse response = http.send(request);
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status());
        }
        return JWKSet.parse(response.body());
    }

    /** By kid; without kid, the only signing key of the set. A key must allow the token's algorithm. */
    private static Optional<JWK> select(JWKSet keys, JWSHeader header) {
        var usable = keys.getKeys().stream()
                .filter(k -> k.getKeyUse() == null || "sig".equals(k.getKeyUse().identifier()))
                .filter(k -> k.getAlgorithm() == null || k.getAlgorithm().equals(header.getAlgorithm()))
                .toList();
        if (header.getKeyID() != null) {
            return usable.stream().filter(k -> header.getKeyID().equals(k.getKeyID())).findFirst();
        }
        return usable.size() == 1 ? Optional.of(usable.get(0)) : Optional.empty();
    }
}
