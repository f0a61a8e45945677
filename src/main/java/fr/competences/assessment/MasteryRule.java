package fr.competences.assessment;

/**
 * How a student's mastery of a skill is read from their levels on it across the course's activities (the
 * competency columns of the gradebook, the progress pages). BTS juries look at the final state, hence
 * {@link #LATEST} by default.
 */
public enum MasteryRule {
    /** The most recent positioning (the default). */
    LATEST,
    /** The best positioning so far. */
    HIGHEST,
    /** The mean of the positionings. */
    AVERAGE
}
