package fr.competences.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A student's own level for one skill of an activity: shown beside the grid, never counted. */
@Entity
@Table(name = "assessment_self_position")
@IdClass(SelfPosition.Key.class)
@NamedQuery(name = SelfPosition.OF_ACTIVITY, query = "select p from SelfPosition p where p.activityId = :activityId")
@NamedQuery(name = SelfPosition.OF_STUDENT, query = "select p from SelfPosition p where p.activityId = :activityId "
        + "and p.studentUserId = :studentUserId")
class SelfPosition {

    static final String OF_ACTIVITY = "SelfPosition.ofActivity";
    static final String OF_STUDENT = "SelfPosition.ofStudent";

    @Id
    @Column(name = "activity_id")
    long activityId;

    @Id
    @Column(name = "student_user_id")
    long studentUserId;

    @Id
    @Column(name = "item_code")
    String code;

    @Column(nullable = false)
    int level;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected SelfPosition() {
    }

    SelfPosition(long activityId, long studentUserId, String code, int level, OffsetDateTime now) {
        this.activityId = activityId;
        this.studentUserId = studentUserId;
        this.code = code;
        this.level = level;
        this.updatedAt = now;
    }

    /** The composite key (activity, student, skill). */
    public static class Key implements Serializable {
        long activityId;
        long studentUserId;
        String code;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.activityId == activityId && key.studentUserId == studentUserId
                    && Objects.equals(key.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(activityId, studentUserId, code);
        }
    }
}
