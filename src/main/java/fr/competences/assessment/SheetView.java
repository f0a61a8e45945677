package fr.competences.assessment;

import java.util.Map;

/**
 * A student's row of the grid: levels per skill code (absent = non évalué), the teacher's comment, the version
 * to send back with a change (0 = nothing saved yet), and the student's self-assessment.
 */
public record SheetView(long studentUserId, int version, Map<String, Integer> levels, String comment,
        Map<String, Integer> selfLevels) {

    public SheetView {
        levels = Map.copyOf(levels);
        selfLevels = Map.copyOf(selfLevels);
    }

    static SheetView empty(long studentUserId, Map<String, Integer> selfLevels) {
        return new SheetView(studentUserId, 0, Map.of(), null, selfLevels);
    }
}
