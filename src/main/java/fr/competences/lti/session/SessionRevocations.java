package fr.competences.lti.session;

import fr.competences.lti.course.ToolUser;
import fr.competences.lti.registration.SnapshotRefresh;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Sessions ended by an administrator. Every request of a session asks {@link #ended(Session)}, answered from an
 * in-memory snapshot of the revocations younger than a session's maximum lifetime (older ones can end no live
 * session): at once on the instance that recorded a revocation, within {@link SnapshotRefresh#interval()} on the others sharing
 * the database, as for a disabled platform (each reloads when its snapshot expires).
 */
@ApplicationScoped
public class SessionRevocations {

    private static final Logger LOG = Logger.getLogger(SessionRevocations.class.getName());

    private record Snapshot(Instant loadedAt, long changes, List<SessionRevocation> revocations) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SnapshotRefresh refresh;

    Clock clock = Clock.systemUTC();

    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    /** Whether an administrator ended this session. */
    public boolean ended(Session session) {
        return revocations().stream().anyMatch(revocation -> revocation.ends(session));
    }

    /**
     * Ends every session of the platform opened until now, of the user in each of the courses, or of the user (no
     * course), or in the courses (no user). Returns when it applies. Revocations older than a session's lifetime are
     * deleted on the way.
     */
    @Transactional
    public Instant revoke(long platformId, Long userId, List<Long> courseIds) {
        // to the millisecond, as the session tokens' launch time (a launch in this very millisecond is ended too)
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (courseIds.isEmpty()) {
            em.persist(new SessionRevocation(platformId, userId, null, at));
        }
        courseIds.forEach(courseId -> em.persist(new SessionRevocation(platformId, userId, courseId, at)));
        em.createNamedQuery(SessionRevocation.DELETE_BEFORE)
                .setParameter("before", now.minus(SessionTokens.MAX_LIFETIME).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        em.flush();
        countChangeAfterCommit();
        LOG.info(() -> "Sessions LTI révoquées : plateforme " + platformId + (userId == null ? "" : ", utilisateur "
                + userId) + (courseIds.isEmpty() ? "" : ", cours " + courseIds) + ", ouvertes jusqu’à " + now);
        return now;
    }

    /** The tool's id of a platform's user (the platform's {@code sub}), if they ever launched it. */
    public Optional<Long> user(String issuer, String subject) {
        return em.createNamedQuery(ToolUser.BY_SUBJECT, ToolUser.class).setParameter("issuer", issuer)
                .setParameter("subject", subject).getResultStream().findFirst().map(ToolUser::id);
    }

    /** The tool's ids of a platform's course (its LTI {@code context_id}), one per deployment it was launched from. */
    public List<Long> courses(long platformId, String contextId) {
        return em.createQuery("select c.id from Course c, Deployment d where d.id = c.deploymentId "
                        + "and d.platform.id = :platformId and c.contextId = :contextId order by c.id", Long.class)
                .setParameter("platformId", platformId).setParameter("contextId", contextId).getResultList();
    }

    private List<SessionRevocation> revocations() {
        Snapshot current = snapshot;
        long committed = changes.get();
        if (current == null || current.changes() != committed
                || current.loadedAt().plus(refresh.interval()).isBefore(clock.instant())) {
            current = new Snapshot(clock.instant(), committed, load());
            snapshot = current;
        }
        return current.revocations();
    }

    List<SessionRevocation> load() {
        return em.createNamedQuery(SessionRevocation.SINCE, SessionRevocation.class)
                .setParameter("since", clock.instant().minus(SessionTokens.MAX_LIFETIME).atOffset(ZoneOffset.UTC))
                .getResultList();
    }

    private void countChangeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changes.incrementAndGet();
            }
        });
    }
}
