package fr.competences.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Where every capability writes the log: one line per event, inside the caller's transaction
 * ({@code MANDATORY}: there is no other way to call it), so a change that rolls back leaves no line and a committed
 * one always has its line. One persist: the id comes from a sequence allocated 50 at a time, and the insert goes with
 * the caller's other writes at flush, which is all a launch pays for its line.
 */
@ApplicationScoped
public class Audit {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEvent event) {
        em.persist(AuditEntry.of(event, clock.instant().atOffset(ZoneOffset.UTC)));
    }
}
