package fr.competences.assessment;

/**
 * Fired (CDI, synchronously) inside the transaction that changed what a course's grades are computed from: its
 * scale ({@code activityId} null: every activity) or one activity's skills, weights or maximum grade. The gradebook
 * recomputes the grades in that transaction, so a change of the scale reaches the gradebook like a change of levels.
 */
public record GradingChanged(long courseId, Long activityId) {
}
