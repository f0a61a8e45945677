package fr.competences.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the log, newest first, a page at a time: a course's lines for its teachers, any line for the administrator.
 * One query per page (one more line than the page is read to know whether another follows; no count).
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    /**
     * What to show; every criterion is optional. {@code subjectUserId}: lines about that user; {@code userId}: lines
     * where that user acted or is the subject; {@code from} inclusive, {@code to} exclusive.
     */
    public record Filter(Long courseId, Long platformId, Long activityId, Long subjectUserId, Long userId,
            AuditAction action, Instant from, Instant to) {

        public static Filter ofCourse(long courseId) {
            return new Filter(courseId, null, null, null, null, null, null, null);
        }
    }

    /** {@code number} from 1. */
    public record Page(int number, int size) {
    }

    public record Lines(List<AuditLine> lines, int page, int size, boolean hasMore) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    public Lines find(Filter filter, Page page) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        condition(jpql, parameters, "e.courseId = :courseId", "courseId", filter.courseId());
        condition(jpql, parameters, "e.platformId = :platformId", "platformId", filter.platformId());
        condition(jpql, parameters, "e.activityId = :activityId", "activityId", filter.activityId());
        condition(jpql, parameters, "e.subjectUserId = :subject", "subject", filter.subjectUserId());
        condition(jpql, parameters, "(e.actorUserId = :user or e.subjectUserId = :user)", "user", filter.userId());
        condition(jpql, parameters, "e.action = :action", "action", filter.action());
        condition(jpql, parameters, "e.at >= :from", "from", filter.from() == null ? null
                : filter.from().atOffset(ZoneOffset.UTC));
        condition(jpql, parameters, "e.at < :to", "to", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        jpql.append(" order by e.at desc, e.id desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
        parameters.forEach(query::setParameter);
        List<AuditLine> found = query.setFirstResult((page.number() - 1) * page.size()).setMaxResults(page.size() + 1)
                .getResultStream().map(AuditEntry::line).toList();
        boolean more = found.size() > page.size();
        return new Lines(more ? found.subList(0, page.size()) : found, page.number(), page.size(), more);
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
