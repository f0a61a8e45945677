package fr.competences.lti.registration;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The platform registrations. Launches read an in-memory snapshot (no database round trip per
 * launch), reloaded after every change made here and at most {@link #SNAPSHOT_TTL} old, so that a
 * change made by another instance sharing the database applies within that delay.
 */
@ApplicationScoped
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());
    static final Duration SNAPSHOT_TTL = Duration.ofSeconds(30);

    private record Snapshot(Instant loadedAt, List<RegisteredPlatform> platforms) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    Clock clock = Clock.systemUTC();

    private volatile Snapshot snapshot;

    public Optional<RegisteredPlatform> find(String issuer, String clientId) {
        return platforms().stream().filter(p -> p.issuer().equals(issuer) && p.clientId().equals(clientId)).findFirst();
    }

    public Optional<RegisteredPlatform> find(long id) {
        return platforms().stream().filter(p -> p.id() == id).findFirst();
    }

    public List<RegisteredPlatform> withIssuer(String issuer) {
        return platforms().stream().filter(p -> p.issuer().equals(issuer)).toList();
    }

    /** Every registration, read from the database. */
    public List<RegisteredPlatform> list() {
        return load().platforms();
    }

    /** Creates the platform (issuer, client_id), or updates it when it exists: dynamic registration twice. */
    @Transactional
    public RegisteredPlatform save(PlatformSettings settings, Platform.RegisteredBy registeredBy) {
        Platform platform = em.createNamedQuery(Platform.BY_ISSUER_AND_CLIENT, Platform.class)
                .setParameter("issuer", settings.issuer()).setParameter("clientId", settings.clientId())
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Platform created = new Platform(settings.issuer(), settings.clientId(), registeredBy, now());
                    em.persist(created);
                    return created;
                });
        return apply(platform, settings);
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
        return Optional.of(apply(platform, settings));
    }

    private RegisteredPlatform apply(Platform platform, PlatformSettings settings) {
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
        em.flush();
        forgetSnapshotAfterCommit();
        LOG.info(() -> "Plateforme LTI enregistrée : " + platform.issuer + " (client_id " + platform.clientId
                + ", déploiements " + settings.deploymentIds() + (platform.enabled ? ")" : ", désactivée)"));
        return RegisteredPlatform.of(platform, deployments);
    }

    /** Reloading before the commit would cache the old rows for a whole TTL. */
    private void forgetSnapshotAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                snapshot = null;
            }
        });
    }

    private List<RegisteredPlatform> platforms() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(SNAPSHOT_TTL).isBefore(clock.instant())) {
            current = load();
            snapshot = current;
        }
        return current.platforms();
    }

    private Snapshot load() {
        List<RegisteredPlatform> platforms = em.createNamedQuery(Platform.ALL, Platform.class).getResultList().stream()
                .map(p -> RegisteredPlatform.of(p, deploymentsOf(p)))
                .toList();
        return new Snapshot(clock.instant(), platforms);
    }

    private List<Deployment> deploymentsOf(Platform platform) {
        return new java.util.ArrayList<>(em.createNamedQuery(Deployment.OF_PLATFORM, Deployment.class)
                .setParameter("platform", platform).getResultList());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
