package fr.competences.privacy;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the retention's checks when a retention is set: each instance looks every
 * {@code RETENTION_CHECK_INTERVAL} (the first time soon after starting) whether the daily run is due, and runs it if
 * it takes the job first ({@link RetentionStore#claim}). An invalid setting is reported and erases nothing.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());
    private static final Duration FIRST_CHECK_AT_MOST = Duration.ofMinutes(1);

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    Retention retention;

    @Inject
    RetentionSettings settings;

    private ScheduledExecutorService scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        settings.problem().ifPresent(problem -> LOG.severe(() -> problem + " : aucun cours ne sera effacé"));
        settings.retentionOrKeep().ifPresentOrElse(period -> {
            Duration interval = settings.checkInterval();
            long first = Math.min(interval.toMillis(), FIRST_CHECK_AT_MOST.toMillis());
            scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory);
            scheduler.scheduleWithFixedDelay(this::check, first, interval.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(() -> "Conservation : les cours non lancés depuis " + period.text() + " seront effacés "
                    + "(vérification toutes les " + interval + ", une exécution par jour, instance "
                    + retention.instance() + ")");
        }, () -> LOG.info("Conservation illimitée (RETENTION_AFTER_COURSE_END non défini ou invalide) : "
                + "aucun cours n'est effacé"));
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void check() {
        try {
            retention.runIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Conservation : vérification impossible", e);
        }
    }
}
