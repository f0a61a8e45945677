package fr.competences.gradebook.rules;

import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Scale;
import fr.competences.assessment.SheetView;
import java.math.BigDecimal;
import java.util.Map;

/** Turns assessment's activity, scale and student sheet into the {@link Outcome} the grade rules read. */
public final class Outcomes {

    public static final String NOT_ASSESSED = "Non évalué";

    private Outcomes() {
    }

    /** {@code sheet} may be null: nothing saved for the student yet. */
    public static Outcome of(ActivityView activity, Scale scale, SheetView sheet) {
        return of(activity, scale, sheet == null ? Map.of() : sheet.levels(), sheet == null ? null : sheet.comment());
    }

    /** The same from levels not saved yet (code → level, absent or null: not assessed), e.g. a grid being filled. */
    public static Outcome of(ActivityView activity, Scale scale, Map<String, Integer> levels, String teacherComment) {
        int maxPoints = scale.levels().stream().mapToInt(Scale.Level::points).max().orElse(0);
        return new Outcome(BigDecimal.valueOf(activity.scoreMaximum()), maxPoints,
                scale.level(scale.proficientLevel()).points(),
                activity.skills().stream().map(skill -> {
                    Integer level = levels.get(skill.code());
                    return new Outcome.SkillLevel(skill.code(), skill.title(), BigDecimal.valueOf(skill.weight()),
                            scale.points(level), level == null ? NOT_ASSESSED : scale.level(level).label());
                }).toList(),
                teacherComment);
    }
}
