package fr.competences.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** The grading rule of each course ({@link GradeRule#MEAN} until a teacher chooses another). */
@ApplicationScoped
@Transactional
public class CourseGrading {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public GradeRule rule(long courseId) {
        List<?> rule = em.createNativeQuery("select grade_rule from gb_course_settings where course_id = ?1")
                .setParameter(1, courseId).getResultList();
        return rule.isEmpty() ? GradeRule.MEAN : GradeRule.valueOf((String) rule.getFirst());
    }

    /** Records the rule; true when it changed (the course's grades must then be sent again). */
    public boolean choose(long courseId, GradeRule rule, long teacherUserId) {
        if (rule(courseId) == rule) {
            return false;
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("update gb_course_settings set grade_rule = ?1, updated_by = ?2, "
                + "updated_at = ?3 where course_id = ?4").setParameter(1, rule.name()).setParameter(2, teacherUserId)
                .setParameter(3, now).setParameter(4, courseId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into gb_course_settings (course_id, grade_rule, updated_by, updated_at) "
                    + "values (?1, ?2, ?3, ?4)").setParameter(1, courseId).setParameter(2, rule.name())
                    .setParameter(3, teacherUserId).setParameter(4, now).executeUpdate();
        }
        return true;
    }
}
