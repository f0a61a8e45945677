package fr.competences.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** Each course's {@link MasteryRule}: {@link MasteryRule#LATEST} until a teacher chooses another. */
@ApplicationScoped
@Transactional
public class MasteryRules {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public MasteryRule of(long courseId) {
        List<?> rows = em.createNativeQuery("select mastery_rule from assessment_mastery_rule where course_id = ?1")
                .setParameter(1, courseId).getResultList();
        return rows.isEmpty() ? MasteryRule.LATEST : MasteryRule.valueOf((String) rows.getFirst());
    }

    /** Records the rule; true when it changed. */
    public boolean choose(long courseId, MasteryRule rule, long teacherUserId) {
        if (of(courseId) == rule) {
            return false;
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("update assessment_mastery_rule set mastery_rule = ?1, updated_by = ?2, "
                + "updated_at = ?3 where course_id = ?4").setParameter(1, rule.name()).setParameter(2, teacherUserId)
                .setParameter(3, now).setParameter(4, courseId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into assessment_mastery_rule (course_id, mastery_rule, updated_by, updated_at) "
                    + "values (?1, ?2, ?3, ?4)").setParameter(1, courseId).setParameter(2, rule.name())
                    .setParameter(3, teacherUserId).setParameter(4, now).executeUpdate();
        }
        return true;
    }
}
