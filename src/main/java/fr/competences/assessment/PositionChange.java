package fr.competences.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One line of the append-only history: a level that changed (old → new, null = non évalué), or the comment
 * alone ({@code code} null); who and when. Never updated nor deleted.
 */
@Entity
@Table(name = "assessment_history")
@NamedQuery(name = PositionChange.OF_ACTIVITY, query = "select c from PositionChange c where c.activityId = :activityId "
        + "order by c.changedAt desc, c.id desc")
@NamedQuery(name = PositionChange.OF_STUDENT, query = "select c from PositionChange c where c.activityId = :activityId "
        + "and c.studentUserId = :studentUserId order by c.changedAt desc, c.id desc")
class PositionChange {

    static final String OF_ACTIVITY = "PositionChange.ofActivity";
    static final String OF_STUDENT = "PositionChange.ofStudent";

    @Id
    @SequenceGenerator(name = "assessment_history_seq", sequenceName = "assessment_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_history_seq")
    Long id;

    @Column(name = "activity_id", nullable = false, updatable = false)
    long activityId;

    @Column(name = "student_user_id", nullable = false, updatable = false)
    long studentUserId;

    @Column(name = "item_code", updatable = false)
    String code;

    @Column(name = "old_level", updatable = false)
    Integer oldLevel;

    @Column(name = "new_level", updatable = false)
    Integer newLevel;

    @Column(name = "teacher_comment", updatable = false)
    String comment;

    @Column(name = "changed_by", nullable = false, updatable = false)
    long changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    OffsetDateTime changedAt;

    protected PositionChange() {
    }

    PositionChange(long activityId, long studentUserId, String code, Integer oldLevel, Integer newLevel, String comment,
            long changedBy, OffsetDateTime changedAt) {
        this.activityId = activityId;
        this.studentUserId = studentUserId;
        this.code = code;
        this.oldLevel = oldLevel;
        this.newLevel = newLevel;
        this.comment = comment;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    HistoryEntry entry() {
        return new HistoryEntry(studentUserId, code, oldLevel, newLevel, comment, changedBy, changedAt.toInstant());
    }
}
