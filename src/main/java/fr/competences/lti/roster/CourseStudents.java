package fr.competences.lti.roster;

import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The students of a course as the grid, the progress pages and the class grid list them: members whose role is
 * student now, from launches and from the roster (NRPS), by name in French order, each with their roster status. The
 * one place that says who the course's students are.
 */
@ApplicationScoped
@Transactional
public class CourseStudents {

    /**
     * {@code named}: false when the platform shares no name (the name shown is a placeholder with the user id);
     * {@code status}: the roster's (Active, Inactive, Deleted), null when never read; {@code familyOrder}: family
     * name then given name, what class lists sort by.
     */
    public record Student(long userId, String name, boolean named, String status, List<String> familyOrder) {

        public boolean active() {
            return status == null || "Active".equals(status);
        }
    }

    @Inject
    CourseMembers members;

    @Inject
    Roster roster;

    /** By family name, then given name (French class lists), in French collation; empty when the course is unknown. */
    public List<Student> of(long courseId, boolean english) {
        Map<Long, String> statuses = roster.statuses(courseId);
        Collator collator = Collator.getInstance(Locale.FRENCH);
        return members.overview(courseId).map(CourseMembers.Overview::members).orElse(List.of()).stream()
                .filter(member -> member.role().orElse(null) == CourseRole.STUDENT)
                .map(CourseMember::user)
                .map(user -> {
                    // a real name reads the same in both languages; the placeholder does not
                    String name = user.displayName(english);
                    return new Student(user.id(), name, name.equals(user.displayName(!english)),
                            statuses.get(user.id()), user.familyOrder(english));
                })
                .sorted(Comparator.<Student, String>comparing(s -> s.familyOrder().get(0), collator)
                        .thenComparing(s -> s.familyOrder().get(1), collator)
                        .thenComparing(Student::name, collator))
                .toList();
    }
}
