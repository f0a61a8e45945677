package fr.competences.assessment;

import java.util.List;

/**
 * What one student achieved in one activity, for the gradebook: the activity's maximum grade, the course's scale
 * and, per assessed skill, its weight and level (null = non évalué), plus the teacher's comment.
 */
public record Outcome(long courseId, long activityId, long studentUserId, int scoreMaximum, Scale scale,
        List<SkillOutcome> skills, String comment) {

    public Outcome {
        skills = List.copyOf(skills);
    }

    public record SkillOutcome(String code, String title, double weight, Integer level) {
    }

    /** True when no skill has a level yet. */
    public boolean notAssessed() {
        return skills.stream().allMatch(s -> s.level() == null);
    }
}
