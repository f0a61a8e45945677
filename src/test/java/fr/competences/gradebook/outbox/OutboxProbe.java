package fr.competences.gradebook.outbox;

import fr.competences.gradebook.rules.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox's package-private operations, for the in-container tests ({@code fr.competences.components}): a due
 * score, claims by named instances and the outcomes they record, as the worker does them, each in its own
 * transaction.
 */
@ApplicationScoped
@Transactional
public class OutboxProbe {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    ScoreLeases leases;

    private final Map<String, List<ClaimedScore>> claims = new ConcurrentHashMap<>();

    /** A score of 12/20 due now for the student in the activity's link, as a change of positions leaves it. */
    public long due(ScoreOutbox.ActivityLink link, long userId, long platformId, String sub) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OutboxScore row = new OutboxScore(GradeCell.ofLink(link, userId, platformId, sub), now);
        row.change(new Grade(new BigDecimal("12.00"), link.scoreMaximum(), "B1.1 Acquis"), link.scoreMaximum(),
                "https://lms.example/lineitems/" + link.resourceLinkId(), now);
        em.persist(row);
        em.flush();
        return row.id;
    }

    /** The ids of the due scores {@code instance} claims now, leased for {@code lease}. */
    public List<Long> claim(String instance, Duration lease) {
        List<ClaimedScore> claimed = leases.claim(instance, 100, lease);
        claims.put(instance, claimed);
        return claimed.stream().map(ClaimedScore::id).toList();
    }

    /** Records the platform's answer to each score {@code instance} claimed last, as the worker does. */
    public void answer(String instance, int httpStatus) {
        for (ClaimedScore claimed : claims.getOrDefault(instance, List.of())) {
            RetryPolicy.Decision decision = RetryPolicy.decide(httpStatus, claimed.tries().attempts(),
                    claimed.tries().pendingFor(), Duration.ofHours(48), new Random(1));
            leases.record(claimed, decision, httpStatus, "HTTP " + httpStatus, instance);
        }
    }

    public String status(long scoreId) {
        return em.find(OutboxScore.class, scoreId).status.name();
    }

    /** The outcomes archived for the score, in order: RETRY, SYNCED, FAILED. */
    public List<String> attempts(long scoreId) {
        return em.createQuery("select d.outcome from DeliveryAttempt d where d.syncId = :id order by d.id", String.class)
                .setParameter("id", scoreId).getResultList();
    }
}
