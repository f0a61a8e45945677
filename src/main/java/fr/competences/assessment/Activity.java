package fr.competences.assessment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An activity of a course: what students do, the skills it assesses (with weights) and its maximum grade. */
@Entity
@Table(name = "assessment_activity")
// the skills of all the course's activities in one more query (IN batch), not one query per activity
@NamedQuery(name = Activity.OF_COURSE,
        query = "select a from Activity a where a.courseId = :courseId order by a.createdAt, a.id",
        hints = {@QueryHint(name = "eclipselink.batch", value = "a.skills"),
                @QueryHint(name = "eclipselink.batch.type", value = "IN")})
class Activity {

    static final String OF_COURSE = "Activity.ofCourse";

    @Id
    @SequenceGenerator(name = "assessment_activity_seq", sequenceName = "assessment_activity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_activity_seq")
    Long id;

    @Column(name = "course_id", nullable = false)
    long courseId;

    @Column(name = "referentiel_code", nullable = false)
    String referentielCode;

    @Column(nullable = false)
    String title;

    String instructions;

    @Column(name = "score_maximum", nullable = false)
    int scoreMaximum;

    @ElementCollection
    @CollectionTable(name = "assessment_activity_skill", joinColumns = @JoinColumn(name = "activity_id"))
    @OrderColumn(name = "position")
    List<Skill> skills = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    long createdBy;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    int version;

    @Embeddable
    static class Skill {
        @Column(name = "item_code")
        String code;
        double weight;

        protected Skill() {
        }

        Skill(String code, double weight) {
            this.code = code;
            this.weight = weight;
        }
    }

    protected Activity() {
    }

    Activity(long courseId, long createdBy, OffsetDateTime now) {
        this.courseId = courseId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Takes a validated draft. */
    void set(ActivityDraft draft, OffsetDateTime now) {
        referentielCode = draft.referentielCode();
        title = draft.title();
        instructions = draft.instructions();
        scoreMaximum = draft.scoreMaximum();
        skills.clear();
        draft.skills().forEach(skill -> skills.add(new Skill(skill.code(), skill.weight())));
        updatedAt = now;
    }

    ActivityDraft draft() {
        return new ActivityDraft(referentielCode, title, instructions, scoreMaximum,
                skills.stream().map(s -> new ActivityDraft.SkillChoice(s.code, s.weight)).toList());
    }
}
