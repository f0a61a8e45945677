package fr.competences.gradebook.outbox;

/** Which grades a computation puts in the outbox again. */
public enum Resend {
    /** Only those that differ from what the outbox holds (a change of positions, of the scale, of the rule). */
    CHANGED,
    /** All of them, even those the gradebook already has: the teacher's resync. */
    ALL
}
