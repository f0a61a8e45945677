package fr.competences.lti.course;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Maps LIS role URIs to a {@link CourseRole}. Instructor, TeachingAssistant, ContentDeveloper and
 * Administrator (context, institution or system) teach; Learner learns; anything else has no access.
 * Role vocabularies: https://www.imsglobal.org/spec/lti/v1p3/#role-vocabularies (simple names are accepted
 * for context roles, as the spec allows). Moodle sends non-editing teachers as Learner (docs/moodle.md P-5b):
 * a teacher's grant ({@code teacherGranted}) makes them teach in the tool.
 */
public final class LisRoles {

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final Set<String> TEACHING = Set.of("Instructor", "TeachingAssistant", "ContentDeveloper",
            "Administrator");

    private LisRoles() {
    }

    public static Optional<CourseRole> access(Collection<String> roles, boolean teacherGranted) {
        if (teacherGranted || roles.stream().anyMatch(LisRoles::teaches)) {
            return Optional.of(CourseRole.TEACHER);
        }
        if (roles.stream().anyMatch(LisRoles::learns)) {
            return Optional.of(CourseRole.STUDENT);
        }
        return Optional.empty();
    }

    private static boolean teaches(String role) {
        if (role.endsWith("/person#Administrator")) { // institution and system administrators
            return role.startsWith("http://purl.imsglobal.org/vocab/lis/v2/");
        }
        return TEACHING.contains(contextRole(role)) || role.startsWith(MEMBERSHIP.replace("#", "/Instructor#"));
    }

    private static boolean learns(String role) {
        return "Learner".equals(contextRole(role)) || role.startsWith(MEMBERSHIP.replace("#", "/Learner#"));
    }

    /** The name of a context role ({@code membership#Instructor} or the simple name {@code Instructor}). */
    private static String contextRole(String role) {
        return role.startsWith(MEMBERSHIP) ? role.substring(MEMBERSHIP.length()) : role;
    }
}
