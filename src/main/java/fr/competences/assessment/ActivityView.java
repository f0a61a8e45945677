package fr.competences.assessment;

import fr.competences.errors.ProblemException.Problem;
import fr.competences.referential.ItemKind;
import java.util.List;
import java.util.Map;

/**
 * An activity as pages, the API and the gradebook read it; {@code version} goes back with an edit (optimistic
 * locking). Skill titles come from the référentiel (a code no longer in it keeps its code as title).
 */
public record ActivityView(long id, long courseId, String referentielCode, String title, String instructions,
        int scoreMaximum, List<Skill> skills, int version) {

    public ActivityView {
        skills = List.copyOf(skills);
    }

    public record Skill(String code, String title, ItemKind kind, double weight) {
    }

    public List<String> skillCodes() {
        return skills.stream().map(Skill::code).toList();
    }

    /**
     * What is wrong with levels given to this activity's skills (code → 0..3, null for not assessed), each problem
     * located under {@code where}: a grid save and a grade preview check them alike.
     */
    public List<Problem> levelProblems(String where, Map<String, Integer> levels) {
        return Positioning.levelProblems(where, levels, skillCodes());
    }
}
