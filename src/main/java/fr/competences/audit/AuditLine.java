package fr.competences.audit;

import java.time.Instant;

/**
 * A line of the log as readers get it: ids and plain values (names are the reader's to add). {@code actorRole}:
 * TEACHER or STUDENT for a user; {@code subjectUserId}: the user the line is about.
 */
public record AuditLine(long id, Instant at, AuditAction action, Actor actor, Long actorUserId, String actorRole,
        Long platformId, Long courseId, Long activityId, Long subjectUserId, String target, String outcome,
        String detail) {
}
