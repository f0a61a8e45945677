package fr.competences.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The only code that deletes lines: those older than the retention, in one transaction with the line saying so.
 * Instances sharing a database take turns through the single row of {@code audit_purge}: the daily purge belongs to
 * the instance whose conditional update moves the last run forward (atomic: one instance a day, the others find it
 * done); a purge the administrator asks for takes the same row's lock, so two never run at once.
 */
@ApplicationScoped
@Transactional
public class AuditPurge {

    private static final Logger LOG = Logger.getLogger(AuditPurge.class.getName());
    static final Duration DAY = Duration.ofDays(1);

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    AuditSettings settings;

    Clock clock = Clock.systemUTC();

    /** Today's purge, if no instance ran one in the last 24 hours. */
    public Optional<AuditEvent.Purged> dailyIfDue(String instance) {
        OffsetDateTime now = now();
        int claimed = em.createNativeQuery("update audit_purge set last_run_at = ?1, last_run_by = ?2 "
                        + "where id = 1 and last_run_at <= ?3")
                .setParameter(1, now).setParameter(2, instance).setParameter(3, now.minus(DAY)).executeUpdate();
        return claimed == 0 ? Optional.empty() : Optional.of(purge(now, false));
    }

    /** The administrator's purge, now, with the same retention. */
    public AuditEvent.Purged now(String instance) {
        OffsetDateTime now = now();
        em.createNativeQuery("update audit_purge set last_run_at = ?1, last_run_by = ?2 where id = 1")
                .setParameter(1, now).setParameter(2, instance).executeUpdate();
        return purge(now, true);
    }

    private AuditEvent.Purged purge(OffsetDateTime now, boolean byAdmin) {
        Retention retention = settings.retention();
        OffsetDateTime cutoff = retention.cutoff(now);
        int removed = em.createNativeQuery("delete from audit_entry where at < ?1").setParameter(1, cutoff)
                .executeUpdate();
        AuditEvent.Purged purged = new AuditEvent.Purged(retention.text(), cutoff, removed, byAdmin);
        audit.record(purged);
        LOG.info(() -> "Journal d'audit : " + removed + " ligne(s) antérieure(s) au " + cutoff.toInstant()
                + " supprimée(s) (conservation " + retention.text() + (byAdmin ? ", à la demande de l'administrateur)"
                : ")"));
        return purged;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
