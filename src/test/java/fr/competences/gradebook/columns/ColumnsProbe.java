package fr.competences.gradebook.columns;

import fr.competences.gradebook.rules.ColumnMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** The competency columns' package-private operations, for the in-container tests, each in its own transaction. */
@ApplicationScoped
@Transactional
public class ColumnsProbe {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    ColumnLeases leases;

    /** A column of the course that the platform does not have yet. */
    public long wanted(long courseId, String code) {
        CompetencyColumn column = new CompetencyColumn(courseId,
                new ColumnPlan.Column(code, ColumnMode.SKILL, code + " Compétence", Set.of(code)),
                OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(column);
        em.flush();
        return column.id;
    }

    public void retire(long columnId) {
        em.find(CompetencyColumn.class, columnId).retire(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The platform's line items URL of the leased column's course, if this call leased it. */
    public Optional<String> lease(long columnId) {
        return leases.lease(columnId).map(ColumnLeases.Work::lineItemsUrl);
    }

    /** Records that the platform created the column's line item; true when its scores can now be sent. */
    public boolean created(long columnId, String lineItemUrl) {
        CompetencyColumn column = em.find(CompetencyColumn.class, columnId);
        ColumnLeases.Work work = new ColumnLeases.Work(columnId, column.courseId, 0, null, column.code, column.label,
                null, null, false);
        return leases.record(work, new ColumnLeases.Outcome(false, lineItemUrl, column.label, null, null));
    }

    /** Until when an instance holds the column (null: free), as stored. */
    public String leasedUntil(long columnId) {
        Object until = em.createNativeQuery("select lease_until from gb_competency_column where id = ?1")
                .setParameter(1, columnId).getSingleResult();
        return until == null ? null : until.toString();
    }

    public boolean exists(long columnId) {
        return em.find(CompetencyColumn.class, columnId) != null;
    }

    public String lineItemOfScores(long columnId) {
        return em.createQuery("select s.lineItemUrl from OutboxScore s where s.columnId = :id", String.class)
                .setParameter("id", columnId).getResultStream().findFirst().orElse(null);
    }
}
