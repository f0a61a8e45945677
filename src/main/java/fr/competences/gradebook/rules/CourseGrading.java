package fr.competences.gradebook.rules;

import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.MasteryRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Each course's grading choices: the rule of activity grades ({@link GradeRule#MEAN} until a teacher chooses
 * another), and its competency columns ({@link ColumnMode#NONE} by default) with the course's mastery rule, which
 * assessment keeps ({@link MasteryRules}: the progress pages read it too).
 */
@ApplicationScoped
@Transactional
public class CourseGrading {

    /** A course's competency columns: their grain and how mastery is read. */
    public record Columns(ColumnMode mode, MasteryRule mastery) {
    }

    private record Settings(GradeRule rule, ColumnMode columns) {
        static final Settings DEFAULT = new Settings(GradeRule.MEAN, ColumnMode.NONE);
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    MasteryRules mastery;

    Clock clock = Clock.systemUTC();

    public GradeRule rule(long courseId) {
        return settings(courseId).rule();
    }

    public Columns columns(long courseId) {
        return new Columns(settings(courseId).columns(), mastery.of(courseId));
    }

    /** Records the rule; true when it changed (the course's grades must then be sent again). */
    public boolean choose(long courseId, GradeRule rule, long teacherUserId) {
        Settings current = settings(courseId);
        if (current.rule() == rule) {
            return false;
        }
        save(courseId, new Settings(rule, current.columns()), teacherUserId);
        return true;
    }

    /** Records the competency columns (the caller then brings the columns and their grades in line). */
    public void choose(long courseId, Columns columns, long teacherUserId) {
        Settings current = settings(courseId);
        if (current.columns() != columns.mode()) {
            save(courseId, new Settings(current.rule(), columns.mode()), teacherUserId);
        }
        mastery.choose(courseId, columns.mastery(), teacherUserId);
    }

    private Settings settings(long courseId) {
        List<?> rows = em.createNativeQuery("select grade_rule, competency_columns from gb_course_settings "
                + "where course_id = ?1").setParameter(1, courseId).getResultList();
        if (rows.isEmpty()) {
            return Settings.DEFAULT;
        }
        Object[] row = (Object[]) rows.getFirst();
        return new Settings(GradeRule.valueOf((String) row[0]), ColumnMode.valueOf((String) row[1]));
    }

    private void save(long courseId, Settings settings, long teacherUserId) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("update gb_course_settings set grade_rule = ?1, competency_columns = ?2, "
                + "updated_by = ?3, updated_at = ?4 where course_id = ?5")
                .setParameter(1, settings.rule().name()).setParameter(2, settings.columns().name())
                .setParameter(3, teacherUserId).setParameter(4, now).setParameter(5, courseId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into gb_course_settings (course_id, grade_rule, competency_columns, "
                    + "updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5)").setParameter(1, courseId)
                    .setParameter(2, settings.rule().name()).setParameter(3, settings.columns().name())
                    .setParameter(4, teacherUserId).setParameter(5, now).executeUpdate();
        }
    }
}
