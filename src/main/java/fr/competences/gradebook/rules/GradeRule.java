package fr.competences.gradebook.rules;

/**
 * How a course turns skill levels into an activity grade. Every rule leaves out skills "Non évalué" and gives no
 * grade while no skill is assessed; see docs/gradebook.md.
 */
public enum GradeRule {
    /** Weighted mean of the levels' points, over the scale's maximum points, times scoreMaximum (the default). */
    MEAN,
    /** Full marks when every assessed skill is at least "Acquis"; otherwise the weighted mean ({@link #MEAN}). */
    ALL_ACQUIRED,
    /** Weighted share of the assessed skills at or above "Acquis", times scoreMaximum. */
    PROPORTION_ACQUIRED
}
