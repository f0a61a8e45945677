package fr.competences.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The tool's RSA key pairs, kept in the database (shared by every instance, backed up with the data, never
 * in the repository). Rotation: {@link #addNextKey} publishes a new key at once and lets it sign after a
 * delay, so that platforms caching our key set (Moodle refetches on failure, docs/moodle.md P-22) see it first;
 * {@link #retire} removes an old key from the set. Each key created, added or retired leaves its audit line.
 */
@ApplicationScoped
@Transactional
public class ToolKeys {

    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

    /** A key as the admin API shows it: no private part. */
    public record KeyInfo(String kid, Instant createdAt, Instant activeFrom, Instant retiredAt, boolean signing) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    /** Creates the first key pair when there is none (first start). */
    public void ensureKey() {
        if (keys().isEmpty()) {
            RSAKey first = store(Duration.ZERO, AuditEvent.KeyChange.CREATED);
            LOG.info(() -> "Première paire de clés RSA de l'outil créée (kid " + first.getKeyID() + ")");
        }
    }

    /** The public JWK Set served at {@code /lti/jwks}: every key not retired (read per request: platforms cache it). */
    public String publicKeySet() {
        List<RSAKey> published = keys().stream().filter(k -> !k.retired()).map(ToolKeys::parse)
                .map(RSAKey::toPublicJWK).toList();
        return new JWKSet(List.copyOf(published)).toString(true);
    }

    /** Signs with the key that signs now (RS256, its kid in the header), e.g. a deep linking response. */
    public String sign(JWTClaimsSet claims) {
        ToolKey key = signing(keys()).orElseThrow(() -> new IllegalStateException("Aucune clé de l'outil ne signe"));
        RSAKey rsa = parse(key);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(rsa.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(rsa));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Signature RSA impossible", e);
        }
    }

    public List<KeyInfo> list() {
        List<ToolKey> keys = keys();
        Optional<String> signing = signing(keys).map(k -> k.kid);
        return keys.stream().map(k -> new KeyInfo(k.kid, k.createdAt.toInstant(), k.activeFrom.toInstant(),
                k.retiredAt == null ? null : k.retiredAt.toInstant(), signing.filter(k.kid::equals).isPresent()))
                .toList();
    }

    /** Publishes a new key now; it starts signing after {@code delay}. */
    public KeyInfo addNextKey(Duration delay) {
        RSAKey next = store(delay, AuditEvent.KeyChange.ADDED);
        LOG.info(() -> "Nouvelle clé de l'outil publiée (kid " + next.getKeyID() + "), signe à partir de "
                + clock.instant().plus(delay));
        return list().stream().filter(k -> k.kid().equals(next.getKeyID())).findFirst().orElseThrow();
    }

    /** Removes a key from the published set; the key that signs now cannot be retired. */
    public Optional<KeyInfo> retire(String kid) {
        ToolKey key = em.find(ToolKey.class, kid);
        if (key == null) {
            return Optional.empty();
        }
        if (signing(keys()).filter(k -> k.kid.equals(kid)).isPresent()) {
            throw new ProblemException(409, "lti-key-signing",
                    LocalizedText.of("Clé en service", "Key in use"),
                    LocalizedText.of("Cette clé signe actuellement : ajoutez une nouvelle clé et attendez qu’elle "
                                    + "prenne le relais avant de retirer celle-ci.",
                            "This key signs now: add a new key and wait until it takes over before retiring this one."));
        }
        if (!key.retired()) {
            key.retire(clock.instant());
            audit.record(new AuditEvent.KeyChanged(kid, AuditEvent.KeyChange.RETIRED, null));
            LOG.info(() -> "Clé de l'outil retirée (kid " + kid + ")");
        }
        return list().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    private RSAKey store(Duration delay, AuditEvent.KeyChange change) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            Instant now = clock.instant();
            em.persist(new ToolKey(key.getKeyID(), key.toJSONString(), now, now.plus(delay)));
            audit.record(new AuditEvent.KeyChanged(key.getKeyID(), change, now.plus(delay)));
            em.flush();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Génération de clé RSA impossible", e);
        }
    }

    private Optional<ToolKey> signing(List<ToolKey> keys) {
        Instant now = clock.instant();
        return keys.stream().filter(k -> !k.retired() && !k.activeFrom.toInstant().isAfter(now))
                .max(Comparator.comparing((ToolKey k) -> k.activeFrom).thenComparing(k -> k.createdAt));
    }

    private List<ToolKey> keys() {
        return em.createNamedQuery(ToolKey.ALL, ToolKey.class).getResultList();
    }

    private static RSAKey parse(ToolKey key) {
        try {
            return RSAKey.parse(key.jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("Clé " + key.kid + " illisible en base", e);
        }
    }
}
