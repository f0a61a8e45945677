package fr.competences.gradebook.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the grade of one student in one activity is computed from: the activity's {@code scoreMaximum}, the
 * course scale (points of its highest level, and of the proficiency level "Acquis"), the student's level for
 * each skill of the activity (a skill left "Non évalué" has {@code points == null}) and the teacher's comment.
 */
public record Outcome(BigDecimal scoreMaximum, int maxPoints, int proficiencyPoints, List<SkillLevel> skills,
        String teacherComment) {

    public Outcome {
        skills = List.copyOf(skills);
    }

    /** One skill of the activity (référentiel code, weight in the activity) and the level the teacher chose. */
    public record SkillLevel(String code, String title, BigDecimal weight, Integer points, String level) {

        public boolean assessed() {
            return points != null;
        }
    }

    public List<SkillLevel> assessed() {
        return skills.stream().filter(SkillLevel::assessed).toList();
    }
}
