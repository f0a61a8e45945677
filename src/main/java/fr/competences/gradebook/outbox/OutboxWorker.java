package fr.competences.gradebook.outbox;

import fr.competences.config.InstanceName;
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
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
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
 * Delivers the outbox: polls for due scores (and is woken after each change), leases them, and sends them to each
 * platform at the pace its answers allow ({@link SendingPace}: from {@code gradebook.sync.concurrency} requests at
 * once up to {@code gradebook.sync.max-concurrency}), so one slow platform neither floods nor starves the others.
 * Threads come from the container's managed thread factory. A killed instance loses nothing: its leases expire and
 * any instance takes the rows over, or it takes them back at once when it restarts ({@link InstanceName}); a score
 * it had already sent comes back as a 409, which counts as delivered.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    /** Sending threads, shared by the platforms (each within its pace) and the columns' upkeep. */
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

    private final InstanceName name = InstanceName.current();
    private final String instance = name.id();
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean pollAgain = new AtomicBoolean();
    private final AtomicBoolean keepingColumns = new AtomicBoolean();
    private final RandomGenerator random = RandomGenerator.getDefault();
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        try {
            deliveries.releaseLeftBy(name);
        } catch (RuntimeException e) { // the database is down: the leases will expire instead
            LOG.log(Level.WARNING, "Réservations de l'exécution précédente non reprises", e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory);
        senders = Executors.newFixedThreadPool(Math.max(POOL_SIZE, settings.maxConcurrency() + 2), threadFactory);
        long period = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Synchronisation des notes démarrée (instance " + instance + ", " + settings.concurrency() + " à "
                + settings.maxConcurrency() + " envois simultanés par plateforme selon ses réponses, abandon après "
                + settings.giveUpAfter() + ")");
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
            int capacity = capacity();
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

    /** Rows held in memory at most: a few per sender the platforms' paces allow, so that leases do not run out. */
    private int capacity() {
        int senders = lanes.values().stream().mapToInt(Lane::limit).sum();
        return CLAIMS_PER_SENDER * Math.max(settings.concurrency(), senders);
    }

    private void dispatch(ClaimedScore claimed) {
        inFlight.incrementAndGet();
        lanes.computeIfAbsent(claimed.to().platformId(), Lane::new).offer(claimed);
    }

    /** What a delivery learnt about the platform's load. */
    record Answer(int status, Duration took, Duration retryAfter) {
    }

    Answer deliver(ClaimedScore claimed) {
        int status;
        String message;
        RegisteredPlatform platform = registrations.find(claimed.to().platformId()).filter(RegisteredPlatform::enabled)
                .orElse(null);
        ClaimedScore sent = claimed;
        Duration retryAfter = null;
        long start = System.nanoTime();
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
            retryAfter = response.retryAfter();
        } catch (ServiceException failed) {
            status = failed.status();
            message = failed.platformMessage();
        } catch (RuntimeException bug) {
            LOG.log(Level.WARNING, "Envoi de la note " + claimed.id() + " impossible", bug);
            status = 0;
            message = bug.toString();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        RetryPolicy.Decision decision = RetryPolicy.decide(status, retryAfter, sent.tries().attempts(),
                sent.tries().pendingFor(), settings.giveUpAfter(), random);
        deliveries.record(sent, decision, status, message, instance);
        int finalStatus = status;
        LOG.fine(() -> "Note " + claimed.id() + " (révision " + claimed.revision() + ") : HTTP " + finalStatus + " → "
                + (decision.retryIn() != null ? "nouvel essai dans " + decision.retryIn() : decision.status()));
        return new Answer(status, took, retryAfter);
    }

    /** The rows of one platform, sent by as many threads at once as its {@link SendingPace} allows. */
    private final class Lane {

        private final long platformId;
        private final Queue<ClaimedScore> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger active = new AtomicInteger();
        private final SendingPace pace = new SendingPace(settings.concurrency(), settings.maxConcurrency());
        private final AtomicBoolean resumeScheduled = new AtomicBoolean();

        Lane(long platformId) {
            this.platformId = platformId;
        }

        void offer(ClaimedScore claimed) {
            queue.add(claimed);
            startDrainers();
        }

        synchronized int limit() {
            return pace.limit();
        }

        private synchronized Duration pause() {
            return pace.pause(System.nanoTime());
        }

        private synchronized void answered(Answer answer) {
            int before = pace.limit();
            if (pace.answered(answer.status(), answer.took(), answer.retryAfter(), System.nanoTime())) {
                int after = pace.limit();
                Level level = after < before ? Level.INFO : Level.FINE;
                LOG.log(level, () -> "Plateforme " + platformId + " : " + before + " → " + after
                        + " envois simultanés (réponse HTTP " + answer.status() + " en " + answer.took().toMillis()
                        + " ms" + (answer.retryAfter() == null ? "" : ", Retry-After " + answer.retryAfter()) + ")");
            }
        }

        private void startDrainers() {
            Duration pause = pause();
            if (pause.isPositive()) {
                resumeAfter(pause);
                return;
            }
            int running;
            while (!queue.isEmpty() && (running = active.get()) < limit()) {
                if (active.compareAndSet(running, running + 1)) {
                    senders.execute(this::drain);
                }
            }
        }

        /** Sends queued rows until none is left, the pace shrinks below the running drainers, or a pause begins. */
        private void drain() {
            try {
                ClaimedScore next;
                while (active.get() <= limit() && !pause().isPositive() && (next = queue.poll()) != null) {
                    try {
                        answered(deliver(next));
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

        private void resumeAfter(Duration pause) {
            if (resumeScheduled.compareAndSet(false, true)) {
                scheduler.schedule(() -> {
                    resumeScheduled.set(false);
                    startDrainers();
                }, pause.toMillis() + 1, TimeUnit.MILLISECONDS);
            }
        }
    }
}
