package fr.competences.gradebook;

/**
 * How a student's mastery of a skill is read from their levels on it across the course's activities (the
 * competency columns). BTS juries look at the final state, hence {@link #LATEST} by default.
 */
public enum MasteryRule {
    /** The most recent positioning (the default). */
    LATEST,
    /** The best positioning so far. */
    HIGHEST,
    /** The mean of the positionings. */
    AVERAGE
}
