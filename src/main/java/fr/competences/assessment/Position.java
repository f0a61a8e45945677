package fr.competences.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/**
 * A level of a {@link Sheet} (0..3) with the time it was set: the time of its latest change in the history, kept
 * here so that mastery across a course's activities is read without the history. Replaced, never changed.
 */
@Embeddable
class Position {

    @Column(name = "level", nullable = false)
    int level;

    @Column(name = "changed_at", nullable = false)
    OffsetDateTime changedAt;

    protected Position() {
    }

    Position(int level, OffsetDateTime changedAt) {
        this.level = level;
        this.changedAt = changedAt;
    }
}
