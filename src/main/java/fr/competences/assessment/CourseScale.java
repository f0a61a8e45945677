package fr.competences.assessment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A course's own scale, stored once a teacher edits it (until then the course uses {@link Scale#DEFAULT}). */
@Entity
@Table(name = "assessment_scale")
class CourseScale {

    @Id
    @Column(name = "course_id")
    Long courseId;

    @Column(name = "proficient_level", nullable = false)
    int proficientLevel;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_scale_level", joinColumns = @JoinColumn(name = "course_id"))
    @OrderBy("level")
    List<StoredLevel> levels = new ArrayList<>();

    @Version
    int version;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Embeddable
    static class StoredLevel {
        int level;
        String label;
        int points;

        protected StoredLevel() {
        }

        StoredLevel(Scale.Level level) {
            this.level = level.value();
            this.label = level.label();
            this.points = level.points();
        }
    }

    protected CourseScale() {
    }

    CourseScale(long courseId) {
        this.courseId = courseId;
    }

    void set(Scale scale, OffsetDateTime now) {
        levels.clear();
        scale.levels().forEach(level -> levels.add(new StoredLevel(level)));
        proficientLevel = scale.proficientLevel();
        updatedAt = now;
    }

    Scale scale() {
        return new Scale(levels.stream().map(l -> new Scale.Level(l.level, l.label, l.points)).toList(),
                proficientLevel);
    }
}
