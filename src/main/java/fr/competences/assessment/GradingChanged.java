package fr.competences.assessment;

/**
 * Fired (CDI, synchronously) inside the transaction that changed what a course's grades are computed from: its
 * scale ({@code activityId} null: every activity), one activity's skills, weights or maximum grade, or where its grades
 * go (a resource link now opens it). The gradebook
 * recomputes the grades in that transaction, so a change of the scale reaches the gradebook like a change of levels.
 */
public record GradingChanged(long courseId, Long activityId) {
}
