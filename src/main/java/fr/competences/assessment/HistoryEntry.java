package fr.competences.assessment;

import java.time.Instant;

/** A change as the history shows it: {@code code} null for a comment-only change; levels null = non évalué. */
public record HistoryEntry(long studentUserId, String code, Integer oldLevel, Integer newLevel, String comment,
        long changedBy, Instant changedAt) {
}
