package fr.competences.assessment;

import java.util.HashMap;
import java.util.Map;

/**
 * A teacher's change to one student's row, based on the row's {@code version}: the levels to set (code → level
 * 0..3, null = back to non évalué; codes not listed stay as they are) and the comment (null = unchanged,
 * blank = removed).
 */
public record SheetUpdate(long studentUserId, int version, Map<String, Integer> levels, String comment) {

    public SheetUpdate {
        levels = levels == null ? Map.of() : java.util.Collections.unmodifiableMap(new HashMap<>(levels));
    }
}
