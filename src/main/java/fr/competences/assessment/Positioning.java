package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The rules of a grid save, without storage: what may be saved, and what changes it makes to a row. */
final class Positioning {

    /** One change to a row: a level ({@code code} set) or the comment alone ({@code code} null). */
    record Change(String code, Integer oldLevel, Integer newLevel) {
    }

    private Positioning() {
    }

    /** What is wrong with these updates of an activity assessing {@code skillCodes} for these students. */
    static List<Problem> problems(List<SheetUpdate> updates, List<String> skillCodes, Set<Long> students) {
        List<Problem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < updates.size(); i++) {
            SheetUpdate update = updates.get(i);
            String where = "rows[" + i + "]";
            if (!students.contains(update.studentUserId())) {
                problems.add(new Problem(where, LocalizedText.of(
                        "L’utilisateur " + update.studentUserId() + " n’est pas un étudiant de ce cours.",
                        "User " + update.studentUserId() + " is not a student of this course.")));
            } else if (!seen.add(update.studentUserId())) {
                problems.add(new Problem(where, LocalizedText.of(
                        "L’étudiant " + update.studentUserId() + " apparaît deux fois dans l’enregistrement.",
                        "Student " + update.studentUserId() + " appears twice in the save.")));
            }
            problems.addAll(levelProblems(where, update.levels(), skillCodes));
            if (update.comment() != null && update.comment().strip().length() > Sheet.MAX_COMMENT) {
                problems.add(new Problem(where + ".comment", LocalizedText.of(
                        "Le commentaire dépasse " + Sheet.MAX_COMMENT + " caractères : raccourcissez-le.",
                        "The comment exceeds " + Sheet.MAX_COMMENT + " characters: shorten it.")));
            }
        }
        return problems;
    }

    /** What is wrong with the levels of one row ({@code code → 0..3}, null: not assessed), located under {@code where}. */
    static List<Problem> levelProblems(String where, Map<String, Integer> levels, List<String> skillCodes) {
        List<Problem> problems = new ArrayList<>();
        levels.forEach((code, level) -> {
            if (!skillCodes.contains(code)) {
                problems.add(new Problem(where + ".levels." + code, LocalizedText.of(
                        "« " + code + " » n’est pas évalué dans cette activité.",
                        "\"" + code + "\" is not assessed in this activity.")));
            } else if (level != null && !Scale.isLevel(level)) {
                problems.add(new Problem(where + ".levels." + code, LocalizedText.of(
                        "Niveau " + level + " inconnu pour « " + code + " » : de 0 à 3, ou vide pour non évalué.",
                        "Unknown level " + level + " for \"" + code + "\": 0 to 3, or empty for not assessed.")));
            }
        });
        return problems;
    }

    /** The changes an update makes to a row, levels in code order, then the comment when only it changed. */
    static List<Change> changes(Map<String, Integer> levels, String comment, SheetUpdate update) {
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(update.levels()).forEach((code, level) -> {
            Integer old = levels.get(code);
            if (!Objects.equals(old, level)) {
                changes.add(new Change(code, old, level));
            }
        });
        if (changes.isEmpty() && commentChanged(comment, update)) {
            changes.add(new Change(null, null, null));
        }
        return changes;
    }

    static boolean commentChanged(String comment, SheetUpdate update) {
        return update.comment() != null && !Objects.equals(comment, cleanComment(update.comment()));
    }

    static String cleanComment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
