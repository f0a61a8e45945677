package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException.Problem;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.boundary.BuiltInReferentiels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An activity as a teacher describes it (creation or edit): the skills are item codes of the référentiel,
 * each a compétence (rated as a whole) or a savoir-faire, with a weight. Missing values take their defaults:
 * the built-in BTS SIO référentiel, weight 1, maximum grade 20.
 */
public record ActivityDraft(String referentielCode, String title, String instructions, Integer scoreMaximum,
        List<SkillChoice> skills) {

    public static final int DEFAULT_SCORE_MAXIMUM = 20;
    public static final double DEFAULT_WEIGHT = 1;
    static final int MAX_TITLE = 200;
    static final int MAX_INSTRUCTIONS = 4000;
    static final int MAX_SCORE = 1000;
    static final int MAX_SKILLS = 40;
    static final double MAX_WEIGHT = 100;

    /** One assessed skill; a null weight means {@link #DEFAULT_WEIGHT}. */
    public record SkillChoice(String code, Double weight) {
    }

    public ActivityDraft {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** Trimmed texts and defaults filled in. */
    public ActivityDraft normalized() {
        String cleanInstructions = instructions == null || instructions.isBlank() ? null : instructions.strip();
        String referentiel = referentielCode == null || referentielCode.isBlank() ? BuiltInReferentiels.BTS_SIO_SLAM
                : referentielCode.strip();
        return new ActivityDraft(referentiel, title == null ? "" : title.strip(), cleanInstructions,
                scoreMaximum == null ? DEFAULT_SCORE_MAXIMUM : scoreMaximum,
                skills.stream().map(s -> new SkillChoice(s.code() == null ? "" : s.code().strip(),
                        s.weight() == null ? DEFAULT_WEIGHT : s.weight())).toList());
    }

    /** What is wrong with a normalized draft against its référentiel (absent: empty {@code tree}). */
    public List<Problem> problems(Optional<ReferentielTree> tree) {
        List<Problem> problems = new ArrayList<>();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.add(new Problem("title", LocalizedText.of(
                    "Donnez un titre de 1 à " + MAX_TITLE + " caractères.",
                    "Give a title of 1 to " + MAX_TITLE + " characters.")));
        }
        if (instructions != null && instructions.length() > MAX_INSTRUCTIONS) {
            problems.add(new Problem("instructions", LocalizedText.of(
                    "Les consignes dépassent " + MAX_INSTRUCTIONS + " caractères : raccourcissez-les.",
                    "The instructions exceed " + MAX_INSTRUCTIONS + " characters: shorten them.")));
        }
        if (scoreMaximum < 1 || scoreMaximum > MAX_SCORE) {
            problems.add(new Problem("scoreMaximum", LocalizedText.of(
                    "La note maximale est un entier de 1 à " + MAX_SCORE + " (20 par défaut).",
                    "The maximum grade is a whole number from 1 to " + MAX_SCORE + " (20 by default).")));
        }
        if (tree.isEmpty()) {
            problems.add(new Problem("referentielCode", LocalizedText.of(
                    "Le référentiel « " + referentielCode + " » n’existe pas.",
                    "The framework \"" + referentielCode + "\" does not exist.")));
            return problems;
        }
        if (skills.isEmpty() || skills.size() > MAX_SKILLS) {
            problems.add(new Problem("skills", LocalizedText.of(
                    "Choisissez de 1 à " + MAX_SKILLS + " compétences ou savoir-faire évalués.",
                    "Choose 1 to " + MAX_SKILLS + " assessed skills.")));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            problems.addAll(skillProblems(tree.get(), skills.get(i), "skills[" + i + "]", seen));
        }
        problems.addAll(overlaps(tree.get()));
        return problems;
    }

    /**
     * A compétence chosen whole already assesses each of its savoir-faire: choosing one of them too would count it
     * twice in the grade and ask the teacher two levels for the same thing.
     */
    private List<Problem> overlaps(ReferentielTree tree) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            String code = skills.get(i).code();
            for (SkillChoice whole : skills) {
                boolean inside = !whole.code().equals(code) && tree.find(whole.code())
                        .map(item -> item.children().stream().anyMatch(child -> child.code().equals(code)))
                        .orElse(false);
                if (inside) {
                    problems.add(new Problem("skills[" + i + "]", LocalizedText.of(
                            "« " + code + " » fait partie de « " + whole.code() + " », déjà choisie en entier : gardez "
                                    + "la compétence ou ses savoir-faire, pas les deux.",
                            "\"" + code + "\" belongs to \"" + whole.code() + "\", already chosen whole: keep the "
                                    + "competency or its skills, not both.")));
                }
            }
        }
        return problems;
    }

    private static List<Problem> skillProblems(ReferentielTree tree, SkillChoice skill, String where, Set<String> seen) {
        List<Problem> problems = new ArrayList<>();
        Optional<ReferentielTree.Item> item = tree.find(skill.code());
        if (item.isEmpty()) {
            problems.add(new Problem(where, LocalizedText.of(
                    "« " + skill.code() + " » n’est pas un code du référentiel.",
                    "\"" + skill.code() + "\" is not a code of the framework.")));
        } else if (!item.get().kind().ratable()) {
            problems.add(new Problem(where, LocalizedText.of(
                    "« " + skill.code() + " » est un bloc : choisissez ses compétences ou ses savoir-faire.",
                    "\"" + skill.code() + "\" is a bloc: choose its competencies or skills.")));
        } else if (!seen.add(skill.code())) {
            problems.add(new Problem(where, LocalizedText.of(
                    "« " + skill.code() + " » est choisi deux fois.", "\"" + skill.code() + "\" is chosen twice.")));
        }
        if (!(skill.weight() > 0 && skill.weight() <= MAX_WEIGHT)) {
            problems.add(new Problem(where + ".weight", LocalizedText.of(
                    "Le coefficient de « " + skill.code() + " » doit être supérieur à 0 et au plus " + (int) MAX_WEIGHT + ".",
                    "The weight of \"" + skill.code() + "\" must be above 0 and at most " + (int) MAX_WEIGHT + ".")));
        }
        return problems;
    }
}
