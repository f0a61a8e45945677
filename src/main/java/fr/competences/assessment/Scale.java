package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A course's positioning scale: four levels, 0 (lowest) to 3, each with a label and points, and the first level
 * that counts as proficient. "Non évalué" is no level at all (null), never a level of the scale.
 */
public record Scale(List<Level> levels, int proficientLevel) {

    public static final int LEVELS = 4;
    static final int MAX_LABEL = 60;
    static final int MAX_POINTS = 1000;

    /**
     * The scale most BTS classes and student portfolios use (often red, orange, light and dark green), proficient from
     * « Acquis ».
     */
    public static final Scale DEFAULT = new Scale(List.of(
            new Level(0, "Non acquis", 0),
            new Level(1, "En cours d’acquisition", 1),
            new Level(2, "Acquis", 2),
            new Level(3, "Maîtrisé", 3)), 2);

    public record Level(int value, String label, int points) {
    }

    /** The scale as a reader of {@code locale} sees it: default levels named in their language ({@link LevelNames}). */
    public Scale in(java.util.Locale locale) {
        return new Scale(levels.stream().map(level -> new Level(level.value(),
                LevelNames.of(level.value(), level.label(), locale), level.points())).toList(), proficientLevel);
    }

    public Scale {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public Level level(int value) {
        return levels.get(value);
    }

    /** Points of a level; null for non évalué. */
    public Integer points(Integer level) {
        return level == null ? null : level(level).points();
    }

    /**
     * Each level's initial (N, E, A, M by default), or its number when two levels share an initial: what compact
     * grids show, with the labels in a legend.
     */
    public java.util.Map<Integer, String> abbreviations() {
        java.util.Map<Integer, String> initials = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean unique = true;
        for (Level level : levels) {
            String initial = level.label().strip().substring(0, 1).toUpperCase(java.util.Locale.FRENCH);
            unique &= seen.add(initial);
            initials.put(level.value(), initial);
        }
        if (!unique) {
            levels.forEach(level -> initials.put(level.value(), Integer.toString(level.value())));
        }
        return initials;
    }

    public boolean proficient(Integer level) {
        return level != null && level >= proficientLevel;
    }

    public static boolean isLevel(Integer level) {
        return level != null && level >= 0 && level < LEVELS;
    }

    /** What is wrong with this scale as a teacher submitted it; empty when it can be saved. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (levels.size() != LEVELS) {
            problems.add(new Problem("levels", LocalizedText.of("L’échelle a exactement 4 niveaux.",
                    "The scale has exactly 4 levels.")));
            return problems;
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < LEVELS; i++) {
            Level level = levels.get(i);
            String where = "levels[" + i + "]";
            String label = level.label() == null ? "" : level.label().strip();
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                problems.add(new Problem(where + ".label", LocalizedText.of(
                        "Niveau " + i + " : le libellé doit avoir de 1 à " + MAX_LABEL + " caractères.",
                        "Level " + i + ": the label must have 1 to " + MAX_LABEL + " characters.")));
            } else if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(where + ".label", LocalizedText.of(
                        "Niveau " + i + " : le libellé « " + label + " » est déjà utilisé.",
                        "Level " + i + ": the label \"" + label + "\" is already used.")));
            }
            if (level.points() < 0 || level.points() > MAX_POINTS) {
                problems.add(new Problem(where + ".points", LocalizedText.of(
                        "Niveau " + i + " : les points vont de 0 à " + MAX_POINTS + ".",
                        "Level " + i + ": points go from 0 to " + MAX_POINTS + ".")));
            } else if (i > 0 && level.points() <= levels.get(i - 1).points()) {
                problems.add(new Problem(where + ".points", LocalizedText.of(
                        "Niveau " + i + " : les points doivent dépasser ceux du niveau inférieur.",
                        "Level " + i + ": points must be higher than those of the level below.")));
            }
        }
        if (!isLevel(proficientLevel)) {
            problems.add(new Problem("proficientLevel", LocalizedText.of(
                    "Le seuil de maîtrise est l’un des niveaux 0 à 3.", "The proficiency threshold is one of the levels 0 to 3.")));
        }
        return problems;
    }

    /**
     * The same scale with labels trimmed and levels numbered in order; a default level's English name (as an English
     * page shows it) is stored as the default level.
     */
    Scale normalized() {
        List<Level> numbered = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            numbered.add(new Level(i, LevelNames.stored(i, levels.get(i).label().strip()), levels.get(i).points()));
        }
        return new Scale(numbered, proficientLevel);
    }
}
