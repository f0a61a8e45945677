package fr.competences.lti.registration;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The platform registrations. Launches and every request of a session read an in-memory snapshot (no database round
 * trip), reloaded after every change committed here and at most {@link SnapshotRefresh#interval()} old (30 s unless
 * {@code CLUSTER_REFRESH_INTERVAL} says otherwise): a platform or deployment disabled through this instance is refused
 * here at once, and by other instances sharing the database within that delay (each reloads when its snapshot
 * expires; nothing tells them sooner). Every change leaves its line in the
 * audit trail, in its transaction.
 */
@ApplicationScoped
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());
    static final Duration MISS_RELOAD_AFTER = Duration.ofSeconds(1);

    /** {@code changes}: how many changes had been committed here when the rows were read. */
    private record Snapshot(Instant loadedAt, long changes, List<RegisteredPlatform> platforms) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    RegistrationLinks links;

    @Inject
    Audit audit;

    @Inject
    SnapshotRefresh refresh;

    Clock clock = Clock.systemUTC();

    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;
    private volatile Instant lastMissReload;

    public Optional<RegisteredPlatform> find(String issuer, String clientId) {
        return readThroughOnMiss(() -> platforms().stream()
                .filter(p -> p.issuer().equals(issuer) && p.clientId().equals(clientId)).findFirst());
    }

    public Optional<RegisteredPlatform> find(long id) {
        return readThroughOnMiss(() -> platforms().stream().filter(p -> p.id() == id).findFirst());
    }

    public List<RegisteredPlatform> withIssuer(String issuer) {
        return readThroughOnMiss(() -> Optional.of(platforms().stream().filter(p -> p.issuer().equals(issuer)).toList())
                .filter(found -> !found.isEmpty())).orElse(List.of());
    }

    /**
     * A platform the snapshot does not hold may have been registered through another instance since: the rows are read
     * again, at most once every {@link #MISS_RELOAD_AFTER} for such misses, so that a platform Moodle just registered
     * through one node can launch through any other at once (unknown issuers sent in a loop cost one reload per second,
     * no more). A platform the snapshot holds is never reloaded so: disabling one still takes up to the refresh
     * interval elsewhere.
     */
    private <T> Optional<T> readThroughOnMiss(Supplier<Optional<T>> lookup) {
        Optional<T> found = lookup.get();
        Instant now = clock.instant();
        Instant last = lastMissReload;
        if (found.isPresent() || (last != null && now.isBefore(last.plus(MISS_RELOAD_AFTER)))) {
            return found;
        }
        lastMissReload = now;
        reload(changes.get());
        return lookup.get();
    }

    /** Every registration as launches see it: the in-memory snapshot, the same list until it is reloaded. */
    public List<RegisteredPlatform> snapshot() {
        return platforms();
    }

    /** Every registration, read from the database. */
    public List<RegisteredPlatform> list() {
        return load();
    }

    /**
     * What dynamic registration stores: a new platform, never a change to an existing (issuer, client_id), whoever
     * asks (the admin API changes existing ones); and, in the same transaction, the registration link it used.
     */
    @Transactional
    RegisteredPlatform createDynamic(PlatformSettings settings, Optional<RegistrationLinks.Claim> link) {
        if (exists(settings)) {
            throw new LtiException(LtiError.REGISTRATION_ALREADY_REGISTERED, settings.issuer(), settings.clientId());
        }
        Platform platform = new Platform(settings.issuer(), settings.clientId(), Platform.RegisteredBy.DYNAMIC, now());
        RegisteredPlatform created;
        try {
            em.persist(platform);
            created = apply(platform, settings, true, true);
        } catch (PersistenceException concurrentlyCreated) { // lti_platform_uk: another registration just won
            throw new LtiException(LtiError.REGISTRATION_ALREADY_REGISTERED, settings.issuer(), settings.clientId());
        }
        link.ifPresent(claim -> links.consume(claim, created.id()));
        return created;
    }

    private boolean exists(PlatformSettings settings) {
        return em.createNamedQuery(Platform.BY_ISSUER_AND_CLIENT, Platform.class)
                .setParameter("issuer", settings.issuer()).setParameter("clientId", settings.clientId())
                .getResultStream().findAny().isPresent();
    }

    /** Creates the platform (issuer, client_id), or updates it when it exists (admin API). */
    @Transactional
    public RegisteredPlatform save(PlatformSettings settings, Platform.RegisteredBy registeredBy) {
        Optional<Platform> existing = em.createNamedQuery(Platform.BY_ISSUER_AND_CLIENT, Platform.class)
                .setParameter("issuer", settings.issuer()).setParameter("clientId", settings.clientId())
                .getResultStream().findFirst();
        Platform platform = existing.orElseGet(() -> {
            Platform created = new Platform(settings.issuer(), settings.clientId(), registeredBy, now());
            em.persist(created);
            return created;
        });
        return apply(platform, settings, false, existing.isEmpty());
    }

    @Transactional
    public Optional<RegisteredPlatform> update(long id, PlatformSettings settings) {
        Platform platform = em.find(Platform.class, id);
        if (platform == null) {
            return Optional.empty();
        }
        if (!platform.issuer.equals(settings.issuer()) || !platform.clientId.equals(settings.clientId())) {
            throw new ProblemException(409, "platform-identity",
                    LocalizedText.of("Identité de plateforme non modifiable", "Platform identity cannot change"),
                    LocalizedText.of("L’issuer et le client_id identifient la plateforme et ses utilisateurs : "
                                    + "enregistrez une nouvelle plateforme plutôt que de les modifier.",
                            "The issuer and client_id identify the platform and its users: register a new "
                                    + "platform rather than changing them."));
        }
        return Optional.of(apply(platform, settings, false, false));
    }

    private RegisteredPlatform apply(Platform platform, PlatformSettings settings, boolean dynamic, boolean created) {
        platform.update(settings, now());
        List<Deployment> deployments = deploymentsOf(platform);
        for (Deployment deployment : deployments) {
            deployment.enable(settings.deploymentIds().contains(deployment.deploymentId));
        }
        for (String deploymentId : settings.deploymentIds()) {
            if (deployments.stream().noneMatch(d -> d.deploymentId.equals(deploymentId))) {
                Deployment added = new Deployment(platform, deploymentId, now());
                em.persist(added);
                deployments.add(added);
            }
        }
        audit.record(new AuditEvent.PlatformChanged(platform.id, dynamic, created, platform.issuer, platform.clientId,
                settings.deploymentIds(), platform.enabled));
        em.flush();
        countChangeAfterCommit();
        LOG.info(() -> "Plateforme LTI enregistrée : " + platform.issuer + " (client_id " + platform.clientId
                + ", déploiements " + settings.deploymentIds() + (platform.enabled ? ")" : ", désactivée)"));
        return RegisteredPlatform.of(platform, deployments);
    }

    /** Reloading before the commit would cache the old rows for a whole TTL. */
    private void countChangeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changed();
            }
        });
    }

    /** A change is committed: every snapshot read before is outdated. */
    void changed() {
        changes.incrementAndGet();
    }

    private List<RegisteredPlatform> platforms() {
        Snapshot current = snapshot;
        long committed = changes.get();
        if (current == null || current.changes() != committed
                || current.loadedAt().plus(refresh.interval()).isBefore(clock.instant())) {
            // Counted before reading: rows read while a change commits may be the old ones, and are then kept as
            // outdated (reloaded at the next call) rather than for a whole TTL.
            current = reload(committed);
        }
        return current.platforms();
    }

    private Snapshot reload(long committed) {
        Snapshot reloaded = new Snapshot(clock.instant(), committed, load());
        snapshot = reloaded;
        return reloaded;
    }

    /** Every registration, from the database: two queries, whatever the number of platforms. */
    List<RegisteredPlatform> load() {
        Map<Long, List<Deployment>> deployments = em.createNamedQuery(Deployment.ALL, Deployment.class)
                .getResultStream().collect(Collectors.groupingBy(d -> d.platform.id));
        return em.createNamedQuery(Platform.ALL, Platform.class).getResultList().stream()
                .map(p -> RegisteredPlatform.of(p, deployments.getOrDefault(p.id, List.of())))
                .toList();
    }

    private List<Deployment> deploymentsOf(Platform platform) {
        return new java.util.ArrayList<>(em.createNamedQuery(Deployment.OF_PLATFORM, Deployment.class)
                .setParameter("platform", platform).getResultList());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
