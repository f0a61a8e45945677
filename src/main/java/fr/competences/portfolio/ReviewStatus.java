package fr.competences.portfolio;

/** A teacher's reading of a réalisation: validée, or à revoir. None until a teacher says; a student's change clears it. */
public enum ReviewStatus {
    VALIDATED,
    TO_REVISE
}
