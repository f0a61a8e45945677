package fr.competences.lti.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Sessions an administrator ended: those of a platform's user, course, or user in a course, opened until then. */
@Entity
@Table(name = "lti_session_revocation")
@NamedQuery(name = SessionRevocation.SINCE,
        query = "select r from SessionRevocation r where r.revokedAt > :since order by r.id")
@NamedQuery(name = SessionRevocation.DELETE_BEFORE,
        query = "delete from SessionRevocation r where r.revokedAt <= :before")
public class SessionRevocation {

    static final String SINCE = "SessionRevocation.since";
    static final String DELETE_BEFORE = "SessionRevocation.deleteBefore";

    @Id
    @SequenceGenerator(name = "lti_session_revocation_seq", sequenceName = "lti_session_revocation_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_session_revocation_seq")
    Long id;

    @Column(name = "platform_id", nullable = false)
    long platformId;

    @Column(name = "user_id")
    Long userId;

    @Column(name = "course_id")
    Long courseId;

    @Column(name = "revoked_at", nullable = false)
    OffsetDateTime revokedAt;

    protected SessionRevocation() {
    }

    SessionRevocation(long platformId, Long userId, Long courseId, OffsetDateTime revokedAt) {
        this.platformId = platformId;
        this.userId = userId;
        this.courseId = courseId;
        this.revokedAt = revokedAt;
    }

    /** Whether this revocation ends that session: same platform, user and course where set, opened until then. */
    boolean ends(Session session) {
        return platformId == session.platformId() && (userId == null || userId == session.userId())
                && (courseId == null || courseId == session.courseId())
                && !session.authenticatedAt().isAfter(revokedAt.toInstant());
    }
}
