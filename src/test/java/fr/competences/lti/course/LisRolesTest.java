package fr.competences.lti.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LisRolesTest {

    static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    @Test
    void moodleInstructorAndAdministratorsTeach() {
        assertThat(LisRoles.access(List.of(LIS + "membership#Instructor"), false)).contains(CourseRole.TEACHER);
        assertThat(LisRoles.access(List.of(LIS + "institution/person#Administrator", LIS + "system/person#Administrator"),
                false)).contains(CourseRole.TEACHER);
    }

    @Test
    void teachingAssistantsContentDevelopersAndSimpleNamesTeach() {
        assertThat(LisRoles.access(List.of(LIS + "membership/Instructor#TeachingAssistant"), false))
                .contains(CourseRole.TEACHER);
        assertThat(LisRoles.access(List.of(LIS + "membership#ContentDeveloper"), false)).contains(CourseRole.TEACHER);
        assertThat(LisRoles.access(List.of("Instructor"), false)).contains(CourseRole.TEACHER);
    }

    @Test
    void learnersLearnUnlessATeacherGrantedThemTeacherRights() {
        assertThat(LisRoles.access(List.of(LIS + "membership#Learner"), false)).contains(CourseRole.STUDENT);
        assertThat(LisRoles.access(List.of("Learner"), false)).contains(CourseRole.STUDENT);
        assertThat(LisRoles.access(List.of(LIS + "membership#Learner"), true)).contains(CourseRole.TEACHER);
    }

    @Test
    void otherRolesHaveNoAccess() {
        assertThat(LisRoles.access(List.of(LIS + "membership#Mentor"), false)).isEmpty();
        assertThat(LisRoles.access(List.of(LIS + "institution/person#Guest"), false)).isEmpty();
        assertThat(LisRoles.access(List.of("http://example.org/person#Administrator"), false)).isEmpty();
        assertThat(LisRoles.access(List.of(), false)).isEmpty();
    }
}
