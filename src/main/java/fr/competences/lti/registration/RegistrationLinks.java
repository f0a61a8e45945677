package fr.competences.lti.registration;

import fr.competences.config.Settings;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One-time dynamic registration links. A registration first <em>claims</em> its link (one conditional update: a
 * second use of the same link while the first runs is refused before the tool contacts anything), then either
 * <em>consumes</em> it in the transaction that creates the platform, or <em>releases</em> it when the registration
 * failed, so that the administrator of the platform can start again with the same link (the platform's own
 * registration token is single use: Moodle makes a new one each time). A claim lapses after {@link #CLAIM}, should
 * the instance die in the middle.
 */
@ApplicationScoped
public class RegistrationLinks {

    private static final Logger LOG = Logger.getLogger(RegistrationLinks.class.getName());
    static final Duration VALIDITY = Duration.ofHours(24);
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link just made: the URL to paste in the platform (shown once, never stored) and when it expires. */
    public record Created(String url, Instant expiresAt) {
    }

    /** A link held by one registration in progress. */
    record Claim(String tokenHash, String id) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Created create(Optional<Origin> allowedOrigin) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = now();
        RegistrationLink link = new RegistrationLink(hash(token), allowedOrigin.map(Origin::toString).orElse(null),
                now, now.plus(VALIDITY));
        em.persist(link);
        LOG.info(() -> "Lien d'enregistrement dynamique créé" + allowedOrigin.map(o -> " pour " + o).orElse("")
                + ", valable jusqu'au " + link.expiresAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return new Created(settings.publicUrl() + "/lti/register?link=" + token, link.expiresAt.toInstant());
    }

    /**
     * Holds the link for one registration from {@code origin}, or explains why it cannot serve: unknown, expired,
     * already used, meant for another platform, or held by a registration in progress.
     */
    @Transactional
    Claim claim(String token, Origin origin) {
        String tokenHash = hash(token);
        RegistrationLink link = em.find(RegistrationLink.class, tokenHash);
        OffsetDateTime now = now();
        if (link == null) {
            throw new LtiException(LtiError.REGISTRATION_LINK_UNKNOWN);
        }
        if (link.usedAt != null) {
            String platform = link.platformId == null ? "?" : Optional.ofNullable(em.find(Platform.class,
                    link.platformId)).map(Platform::issuer).orElse("?");
            throw new LtiException(LtiError.REGISTRATION_LINK_USED,
                    link.usedAt.format(DateTimeFormatter.ISO_LOCAL_DATE), platform);
        }
        if (!link.expiresAt.isAfter(now)) {
            throw new LtiException(LtiError.REGISTRATION_LINK_EXPIRED);
        }
        if (link.allowedOrigin != null && !link.allowedOrigin.equals(origin.toString())) {
            throw new LtiException(LtiError.REGISTRATION_LINK_OTHER_ORIGIN, link.allowedOrigin, origin);
        }
        Claim claim = new Claim(tokenHash, UUID.randomUUID().toString());
        int claimed = em.createQuery("update RegistrationLink l set l.claim = :claim, l.claimedUntil = :until "
                        + "where l.tokenHash = :hash and l.usedAt is null "
                        + "and (l.claimedUntil is null or l.claimedUntil < :now)")
                .setParameter("claim", claim.id()).setParameter("until", now.plus(CLAIM))
                .setParameter("hash", tokenHash).setParameter("now", now).executeUpdate();
        if (claimed != 1) {
            throw new LtiException(LtiError.REGISTRATION_LINK_BUSY);
        }
        return claim;
    }

    /** In the transaction that creates the platform: the link is used, by it, or nothing is created. */
    @Transactional(Transactional.TxType.MANDATORY)
    void consume(Claim claim, long platformId) {
        int consumed = em.createQuery("update RegistrationLink l set l.usedAt = :now, l.platformId = :platform, "
                        + "l.claim = null, l.claimedUntil = null "
                        + "where l.tokenHash = :hash and l.claim = :claim and l.usedAt is null")
                .setParameter("now", now()).setParameter("platform", platformId)
                .setParameter("hash", claim.tokenHash()).setParameter("claim", claim.id()).executeUpdate();
        if (consumed != 1) {
            throw new LtiException(LtiError.REGISTRATION_LINK_BUSY); // our claim lapsed and another took the link
        }
    }

    /** The registration failed: the link serves again (unless its claim lapsed and another holds it now). */
    @Transactional
    void release(Claim claim) {
        em.createQuery("update RegistrationLink l set l.claim = null, l.claimedUntil = null "
                        + "where l.tokenHash = :hash and l.claim = :claim and l.usedAt is null")
                .setParameter("hash", claim.tokenHash()).setParameter("claim", claim.id()).executeUpdate();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
