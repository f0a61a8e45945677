package fr.competences.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the daily retention purge: every instance looks every {@code AUDIT_PURGE_CHECK_INTERVAL} (an hour) whether
 * it is due, and one of them runs it ({@link AuditPurge#dailyIfDue}). An unreadable {@code AUDIT_RETENTION} stops the
 * start: a school that set a retention must not run believing it applies.
 */
@ApplicationScoped
public class AuditPurgeJob {

    private static final Logger LOG = Logger.getLogger(AuditPurgeJob.class.getName());
    static final Duration FIRST_CHECK_AT_MOST = Duration.ofMinutes(1);

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    AuditPurge purge;

    @Inject
    AuditSettings settings;

    /** pid@host: which instance ran a purge ({@code audit_purge.last_run_by}). */
    private final String instance = cut(ManagementFactory.getRuntimeMXBean().getName());
    private ScheduledExecutorService scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Retention retention = settings.retention();
        long interval = settings.checkInterval().toMillis();
        long first = Math.min(interval, FIRST_CHECK_AT_MOST.toMillis());
        scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory);
        scheduler.scheduleWithFixedDelay(this::purgeIfDue, first, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Journal d'audit : lignes conservées " + retention.text() + ", purge quotidienne");
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Public for the admin API: the same purge, now. */
    public AuditEvent.Purged purgeNow() {
        return purge.now(instance);
    }

    private static String cut(String name) {
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private void purgeIfDue() {
        try {
            purge.dailyIfDue(instance);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Journal d'audit : purge quotidienne impossible (nouvel essai plus tard)", e);
        }
    }
}
