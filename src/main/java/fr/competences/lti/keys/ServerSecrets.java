package fr.competences.lti.keys;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * The HMAC secret that signs login states and session tokens: 256 random bits created at first start and
 * kept in the database, so that every instance and every restart accepts the tokens of the others.
 */
@ApplicationScoped
public class ServerSecrets {

    static final String SESSION_HMAC = "session-hmac";

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Audit audit;

    private volatile byte[] sessionKey;

    /** Loads the secrets, creating them at first start ({@link LtiStartup}). */
    @Transactional
    public void load() {
        sessionKey = Base64.getUrlDecoder().decode(loadOrCreate(SESSION_HMAC));
    }

    /** From memory: it signs and verifies several tokens per launch. */
    public byte[] sessionKey() {
        if (sessionKey == null) {
            throw new IllegalStateException("Secrets LTI non chargés");
        }
        return sessionKey.clone();
    }

    private String loadOrCreate(String name) {
        ServerSecret existing = em.find(ServerSecret.class, name);
        if (existing != null) {
            return existing.secret;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.persist(new ServerSecret(name, secret, OffsetDateTime.now(ZoneOffset.UTC)));
        audit.record(new AuditEvent.KeyChanged(name, AuditEvent.KeyChange.CREATED, null));
        return secret;
    }
}
