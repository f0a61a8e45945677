package fr.competences.assessment;

import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The students of a course as the grid lists them: members whose role is student now (one query). Members come
 * from launches today; the roster (NRPS, gradebook issue) will add members the same way, and they appear here.
 */
@ApplicationScoped
class CourseStudents {

    /** {@code named}: false when the platform shares no name (the name shown is a placeholder with the user id). */
    record Student(long userId, String name, boolean named) {
    }

    @Inject
    CourseMembers members;

    List<Student> of(long courseId, boolean english) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        return members.overview(courseId).map(CourseMembers.Overview::members).orElse(List.of()).stream()
                .filter(member -> member.role().orElse(null) == CourseRole.STUDENT)
                .map(CourseMember::user)
                .map(user -> {
                    // a real name reads the same in both languages; the placeholder does not
                    String name = user.displayName(english);
                    return new Student(user.id(), name, name.equals(user.displayName(!english)));
                })
                .sorted(Comparator.comparing(Student::name, collator))
                .toList();
    }
}
