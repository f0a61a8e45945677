package fr.competences.gradebook.rules;

/** Whether a course has competency columns in the platform's gradebook, and of what grain; see docs/gradebook.md. */
public enum ColumnMode {
    /** No competency column (the default): only activity grades. */
    NONE,
    /** One column per bloc of the référentiel that the course's activities assess. */
    BLOCK,
    /** One column per skill (compétence or savoir-faire) that the course's activities assess. */
    SKILL
}
