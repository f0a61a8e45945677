package fr.competences.lti.session;

import fr.competences.lti.course.CourseRole;
import java.time.Instant;
import java.util.Locale;

/**
 * Who is using the tool, where, as what and in which language: the content of a session token. {@code language} is
 * French or English, from the launch's locale until the user picks the other one on a page. {@code resourceLinkId} is
 * null for deep linking launches; {@code deepLinkReturnUrl} (set: a deep linking session) and {@code deepLinkData} are
 * set only for them, and {@code deepLinkMultiple} says whether the platform accepts several content items at once
 * (deep linking {@code accept_multiple}).
 */
public record Session(long platformId, long deploymentId, long courseId, Long resourceLinkId, long userId,
        long memberId, CourseRole role, Locale language, String deepLinkReturnUrl,
        String deepLinkData, boolean deepLinkMultiple, Instant authenticatedAt, Instant expiresAt) {

    public boolean isTeacher() {
        return role == CourseRole.TEACHER;
    }

    Session withRole(CourseRole newRole, Instant newExpiry) {
        return new Session(platformId, deploymentId, courseId, resourceLinkId, userId, memberId, newRole, language,
                deepLinkReturnUrl, deepLinkData, deepLinkMultiple, authenticatedAt, newExpiry);
    }

    Session withLanguage(Locale newLanguage) {
        return new Session(platformId, deploymentId, courseId, resourceLinkId, userId, memberId, role, newLanguage,
                deepLinkReturnUrl, deepLinkData, deepLinkMultiple, authenticatedAt, expiresAt);
    }
}
