package fr.competences.lti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A user's membership of a course: the platform's roles at the last launch, and the tool-teacher grant. */
@Entity
@Table(name = "lti_course_member")
@NamedQuery(name = CourseMember.BY_USER_IN_COURSE,
        query = "select m from CourseMember m where m.course = :course and m.user = :user")
@NamedQuery(name = CourseMember.BY_IDS,
        query = "select m from CourseMember m where m.course.id = :courseId and m.user.id = :userId")
@NamedQuery(name = CourseMember.OF_COURSE, query = "select m from CourseMember m join fetch m.user "
        + "where m.course.id = :courseId order by m.id")
public class CourseMember {

    public static final String BY_USER_IN_COURSE = "CourseMember.byUserInCourse";
    public static final String OF_COURSE = "CourseMember.ofCourse";
    static final String BY_IDS = "CourseMember.byIds";
    static final int MAX_ROLES_LENGTH = 2000;

    @Id
    @SequenceGenerator(name = "lti_course_member_seq", sequenceName = "lti_course_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_course_member_seq")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    Course course;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    ToolUser user;

    @Column(name = "platform_roles", nullable = false)
    String platformRoles;

    @Column(name = "teacher_granted", nullable = false)
    boolean teacherGranted;

    @Column(name = "granted_by")
    Long grantedBy;

    @Column(name = "last_launch_at", nullable = false)
    OffsetDateTime lastLaunchAt;

    protected CourseMember() {
    }

    public CourseMember(Course course, ToolUser user, OffsetDateTime now) {
        this.course = course;
        this.user = user;
        this.platformRoles = "";
        this.lastLaunchAt = now;
    }

    /** Records the roles of this launch (as many as the column holds) and, hourly, its time. */
    public void launched(List<String> roles, OffsetDateTime now) {
        StringBuilder joined = new StringBuilder();
        for (String role : roles) {
            if (joined.length() + role.length() + 1 <= MAX_ROLES_LENGTH) {
                joined.append(joined.isEmpty() ? "" : " ").append(role);
            }
        }
        if (!joined.toString().equals(platformRoles)) {
            platformRoles = joined.toString();
        }
        lastLaunchAt = Touch.later(lastLaunchAt, now);
    }

    /** Gives or takes the tool-teacher rights a teacher of the course grants. */
    void grantTeacher(boolean granted, Long byUserId) {
        teacherGranted = granted;
        grantedBy = granted ? byUserId : null;
    }

    public Optional<CourseRole> role() {
        return LisRoles.access(platformRoles(), teacherGranted);
    }

    public List<String> platformRoles() {
        return platformRoles.isBlank() ? List.of() : Arrays.asList(platformRoles.split(" "));
    }

    public Long id() {
        return id;
    }

    public ToolUser user() {
        return user;
    }

    public boolean teacherGranted() {
        return teacherGranted;
    }
}
