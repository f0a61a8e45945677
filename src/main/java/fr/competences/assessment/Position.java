package fr.competences.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A level of a {@link Sheet} (0..3) with the time it was set: the time of its latest change in the history, kept
 * here so that mastery across a course's activities is read without the history. An entity of its own rather than
 * an element collection: a changed level is one update of its row, where EclipseLink replaced an element by an
 * insert that could come before the delete of the old one (a duplicate key).
 */
@Entity
@Table(name = "assessment_position")
@IdClass(Position.Key.class)
class Position {

    @Id
    @Column(name = "sheet_id")
    Long sheetId;

    @Id
    @Column(name = "item_code")
    String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sheet_id", insertable = false, updatable = false)
    Sheet sheet;

    @Column(name = "level", nullable = false)
    int level;

    @Column(name = "changed_at", nullable = false)
    OffsetDateTime changedAt;

    protected Position() {
    }

    Position(Sheet sheet, String code, int level, OffsetDateTime now) {
        this.sheet = sheet;
        this.sheetId = sheet.id;
        this.code = code;
        this.level = level;
        this.changedAt = now;
    }

    /** A new level, set at {@code now}. */
    void change(int newLevel, OffsetDateTime now) {
        level = newLevel;
        changedAt = now;
    }

    /** The composite key (sheet, skill). */
    public static class Key implements Serializable {
        Long sheetId;
        String code;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.sheetId, sheetId) && Objects.equals(key.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sheetId, code);
        }
    }
}
