package fr.competences.assessment;

import fr.competences.referential.ItemKind;
import java.util.List;

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
}
