package fr.competences.lti.session;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.lti.course.CourseRole;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which sessions a revocation ends: its platform's, of its user and/or course, opened until it. */
class SessionRevocationTest {

    static final Instant REVOKED = Instant.parse("2026-12-01T10:00:00.500Z");

    @Test
    void aUsersRevocationEndsTheirSessionsInEveryCourseOpenedUntilThen() {
        SessionRevocation user = new SessionRevocation(7, 5L, null, REVOKED.atOffset(ZoneOffset.UTC));

        assertThat(user.ends(session(7, 5, 9, REVOKED.minusSeconds(3600)))).isTrue();
        assertThat(user.ends(session(7, 5, 10, REVOKED))).as("in the same millisecond").isTrue();
        assertThat(user.ends(session(7, 5, 9, REVOKED.plusMillis(1)))).as("a launch just after").isFalse();
        assertThat(user.ends(session(7, 6, 9, REVOKED.minusSeconds(1)))).as("another user").isFalse();
        assertThat(user.ends(session(8, 5, 9, REVOKED.minusSeconds(1)))).as("another platform").isFalse();
    }

    @Test
    void aCoursesRevocationEndsEveryoneThereAndAUserInACourseOnlyThem() {
        SessionRevocation course = new SessionRevocation(7, null, 9L, REVOKED.atOffset(ZoneOffset.UTC));
        SessionRevocation userInCourse = new SessionRevocation(7, 5L, 9L, REVOKED.atOffset(ZoneOffset.UTC));

        assertThat(course.ends(session(7, 5, 9, REVOKED.minusSeconds(1)))).isTrue();
        assertThat(course.ends(session(7, 6, 9, REVOKED.minusSeconds(1)))).isTrue();
        assertThat(course.ends(session(7, 5, 10, REVOKED.minusSeconds(1)))).isFalse();
        assertThat(userInCourse.ends(session(7, 5, 9, REVOKED.minusSeconds(1)))).isTrue();
        assertThat(userInCourse.ends(session(7, 6, 9, REVOKED.minusSeconds(1)))).isFalse();
        assertThat(userInCourse.ends(session(7, 5, 10, REVOKED.minusSeconds(1)))).isFalse();
    }

    static Session session(long platformId, long userId, long courseId, Instant launchedAt) {
        return new Session(platformId, 70, courseId, 11L, userId, 12, CourseRole.STUDENT, Locale.FRENCH, null, null,
                false, launchedAt, launchedAt.plusSeconds(600));
    }
}
