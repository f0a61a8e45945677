package fr.competences.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What a course's teachers enter once for their students' exam papers: centre and session, when a student has not. */
@Entity
@Table(name = "portfolio_course_defaults")
class CourseDefaults {

    @Id
    @Column(name = "course_id")
    long courseId;

    String centre;

    @Column(name = "session_year")
    Integer sessionYear;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected CourseDefaults() {
    }

    CourseDefaults(long courseId) {
        this.courseId = courseId;
    }
}
