package fr.competences.assessment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MapKey;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * One student's positions in one activity: a level per assessed skill (absent = non évalué) and the teacher's
 * comment. Its version is what the grid locks on: a save based on an older version is refused.
 */
@Entity
@Table(name = "assessment_sheet")
@NamedQuery(name = Sheet.OF_ACTIVITY, query = "select s from Sheet s where s.activityId = :activityId")
@NamedQuery(name = Sheet.LEVELS_OF_ACTIVITY, query = "select p.sheetId, p.code, p.level from Position p "
        + "where p.sheet.activityId = :activityId")
@NamedQuery(name = Sheet.OF_STUDENTS, query = "select s from Sheet s where s.activityId = :activityId "
        + "and s.studentUserId in :students")
class Sheet {

    static final String OF_ACTIVITY = "Sheet.ofActivity";
    static final String LEVELS_OF_ACTIVITY = "Sheet.levelsOfActivity";
    static final String OF_STUDENTS = "Sheet.ofStudents";
    static final int MAX_COMMENT = 2000;

    @Id
    @SequenceGenerator(name = "assessment_sheet_seq", sequenceName = "assessment_sheet_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_sheet_seq")
    Long id;

    @Column(name = "activity_id", nullable = false)
    long activityId;

    @Column(name = "student_user_id", nullable = false)
    long studentUserId;

    // the levels of all the sheets a query read come in one more query when the first is needed, not one per sheet
    // (a grid save compares each row with its sheet: StatementCountContract)
    @OneToMany(mappedBy = "sheet", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchFetch(BatchFetchType.IN)
    @MapKey(name = "code")
    Map<String, Position> positions = new HashMap<>();

    @Column(name = "teacher_comment")
    String comment;

    @Version
    int version;

    @Column(name = "updated_by")
    Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected Sheet() {
    }

    Sheet(long activityId, long studentUserId, OffsetDateTime now) {
        this.activityId = activityId;
        this.studentUserId = studentUserId;
        this.updatedAt = now;
    }

    // Every change goes through the entity's own methods: EclipseLink's woven change tracking sees only the writes
    // made by the entity's code, and a field set from another class was silently never stored (issue 14).

    /** The levels by skill code (absent = non évalué). */
    Map<String, Integer> levels() {
        Map<String, Integer> levels = HashMap.newHashMap(positions.size());
        positions.forEach((code, position) -> levels.put(code, position.level));
        return levels;
    }

    /** Sets a skill's level at {@code now}; null = back to non évalué. The same level again keeps its time. */
    void position(String code, Integer level, OffsetDateTime now) {
        if (level == null) {
            positions.remove(code);
        } else if (!positions.containsKey(code)) {
            positions.put(code, new Position(this, code, level, now));
        } else if (positions.get(code).level != level) {
            positions.get(code).change(level, now);
        }
    }

    /** Records who changed the row when, with the comment it now has (null = none). */
    void changed(String newComment, long teacherUserId, OffsetDateTime now) {
        comment = newComment;
        updatedBy = teacherUserId;
        updatedAt = now;
    }
}
