package fr.competences.gradebook.outbox;

import fr.competences.lti.ags.Scores;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.ags.ServiceResponse;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Delivers the outbox: polls for due scores (and is woken after each change), leases them, and sends each with at
 * most {@code gradebook.sync.concurrency} requests at once per platform, so one slow platform neither floods nor
 * starves the others. Threads come from the container's managed thread factory. A killed instance loses nothing:
 * its leases expire and any instance takes the rows over; a score it had already sent comes back as a 409, which
 * counts as delivered.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final int POOL_SIZE = 16;
    /** Rows leased ahead per sending thread: enough to keep senders busy, few enough to leave work to other instances. */
    static final int CLAIMS_PER_SENDER = 4;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    ScoreLeases deliveries;

    @Inject
    Scores scores;

    @Inject
    LineItemFinder lineItems;

    @Inject
    Instance<LineItemUpkeep> upkeep;

    @Inject
    ActivityLineItemSearch activityLineItems;

    @Inject
    Registrations registrations;

    @Inject
    OutboxSettings settings;

    private final String instance = instanceName();
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean pollAgain = new AtomicBoolean();
    private final AtomicBoolean keepingColumns = new AtomicBoolean();
    private final RandomGenerator random = RandomGenerator.getDefault();
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory);
        senders = Executors.newFixedThreadPool(POOL_SIZE, threadFactory);
        long period = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Synchronisation des notes démarrée (instance " + instance + ", " + settings.concurrency()
                + " envois simultanés par plateforme, abandon après " + settings.giveUpAfter() + ")");
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            senders.shutdownNow();
        }
    }

    /** Looks for due scores now (after a change commits), instead of at the next poll. */
    public void wake() {
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.execute(this::poll);
        }
    }

    /** Claims as many due rows as there is room for; claims again while rows keep coming. */
    void poll() {
        keepColumns();
        if (!polling.compareAndSet(false, true)) {
            pollAgain.set(true);
            return;
        }
        try {
            int capacity = settings.concurrency() * CLAIMS_PER_SENDER;
            int claimed;
            do {
                pollAgain.set(false);
                int room = capacity - inFlight.get();
                claimed = 0;
                if (room > 0) {
                    var due = deliveries.claim(instance, room, settings.lease());
                    claimed = due.size();
                    due.forEach(this::dispatch);
                    if (claimed == room) {
                        pollAgain.set(true);
                    }
                }
            } while (pollAgain.get() && inFlight.get() < capacity);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Synchronisation des notes : lecture de la file impossible", e);
        } finally {
            polling.set(false);
        }
    }

    /**
     * Brings the platform's competency columns in line and looks for the columns of activities whose grades wait
     * for one, on a sending thread (platform calls must not hold the poller), one pass at a time; the scores of a
     * column just created or found are then due.
     */
    private void keepColumns() {
        if (!keepingColumns.compareAndSet(false, true)) {
            return;
        }
        try {
            senders.execute(() -> {
                boolean scoresDue = false;
                try {
                    for (LineItemUpkeep lineItems : upkeep) {
                        scoresDue |= lineItems.catchUp();
                    }
                    for (long activity : activityLineItems.due()) {
                        scoresDue |= activityLineItems.look(activity);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Colonnes de notes : mise à jour du carnet de notes interrompue", e);
                } finally {
                    keepingColumns.set(false);
                }
                if (scoresDue) {
                    wake();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            keepingColumns.set(false);
        }
    }

    private void dispatch(ClaimedScore claimed) {
        inFlight.incrementAndGet();
        lanes.computeIfAbsent(claimed.to().platformId(), id -> new Lane()).offer(claimed);
    }

    void deliver(ClaimedScore claimed) {
        int status;
        String message;
        RegisteredPlatform platform = registrations.find(claimed.to().platformId()).filter(RegisteredPlatform::enabled)
                .orElse(null);
        ClaimedScore sent = claimed;
        try {
            if (platform == null) {
                throw new ServiceException(403, "platform-disabled");
            }
            if (sent.to().lineItemUrl() == null && sent.to().columnId() != null) {
                throw new ServiceException(404, "column-gone"); // deleted from the platform since the claim
            }
            if (sent.to().lineItemUrl() == null) {
                sent = sent.withLineItem(lineItems.resolve(platform, sent));
            }
            ServiceResponse response = scores.post(platform, sent.to().lineItemUrl(), sent.score());
            status = response.status();
            message = response.message();
        } catch (ServiceException failed) {
            status = failed.status();
            message = failed.platformMessage();
        } catch (RuntimeException bug) {
            LOG.log(Level.WARNING, "Envoi de la note " + claimed.id() + " impossible", bug);
            status = 0;
            message = bug.toString();
        }
        RetryPolicy.Decision decision = RetryPolicy.decide(status, sent.tries().attempts(), sent.tries().pendingFor(),
                settings.giveUpAfter(), random);
        deliveries.record(sent, decision, status, message, instance);
        int finalStatus = status;
        LOG.fine(() -> "Note " + claimed.id() + " (révision " + claimed.revision() + ") : HTTP " + finalStatus + " → "
                + (decision.retryIn() != null ? "nouvel essai dans " + decision.retryIn() : decision.status()));
    }

    /** The rows of one platform, sent by at most {@code concurrency} threads. */
    private final class Lane {

        private final Queue<ClaimedScore> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger active = new AtomicInteger();

        void offer(ClaimedScore claimed) {
            queue.add(claimed);
            startDrainers();
        }

        private void startDrainers() {
            int running;
            while (!queue.isEmpty() && (running = active.get()) < settings.concurrency()) {
                if (active.compareAndSet(running, running + 1)) {
                    senders.execute(this::drain);
                }
            }
        }

        private void drain() {
            try {
                ClaimedScore next;
                while ((next = queue.poll()) != null) {
                    try {
                        deliver(next);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Issue de l'envoi de la note " + next.id() + " non enregistrée "
                                + "(nouvel essai à l'expiration du bail)", e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            } finally {
                active.decrementAndGet();
            }
            if (!queue.isEmpty()) {
                startDrainers();
            }
            wake();
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String name = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
