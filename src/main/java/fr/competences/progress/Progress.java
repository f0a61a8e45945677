package fr.competences.progress;

import fr.competences.assessment.ActivityView;
import fr.competences.assessment.CourseMasteries;
import fr.competences.assessment.CourseMasteries.CourseMastery;
import fr.competences.assessment.Mastery;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Students;
import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.Course;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.roster.CourseStudents;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Students' progress in a course, read in one transaction and a constant number of queries whatever the number of
 * students and activities (mastery read by {@link CourseMasteries}, as the competency columns read it). Writes nothing
 * but the audit line of an export.
 */
@ApplicationScoped
@Transactional
public class Progress {

    /** A student of the course; {@code status}: the roster's (Active, Inactive, Deleted), null when never read. */
    public record Student(long userId, String name, String status) {

        public boolean active() {
            return status == null || "Active".equals(status);
        }
    }

    /** One student's progress: their référentiels' trees, and the skills assessed outside any référentiel. */
    public record StudentProgress(String course, Student student, MasteryRule rule, Scale scale,
            List<ProgressTree.Referentiel> referentiels, List<ProgressTree.Skill> outside) {
    }

    /** The class: skill columns grouped by bloc, and each student's mastery by skill code. */
    public record ClassProgress(String course, MasteryRule rule, Scale scale, List<ProgressTree.BlocColumns> blocs,
            List<StudentRow> students) {
    }

    public record StudentRow(Student student, Map<String, ProgressTree.SkillMastery> masteries) {
    }

    @Inject
    CourseMasteries masteries;

    @Inject
    Referentiels referentiels;

    @Inject
    CourseMembers members;

    @Inject
    CourseStudents students;

    @Inject
    Audit audit;

    /** A student's progress; 404 when they are not a student of the course. */
    public StudentProgress ofStudent(long courseId, long studentUserId, Locale locale) {
        Course course = members.course(courseId).orElseThrow(() -> notInCourse(studentUserId));
        Student student = students(courseId, locale).stream().filter(s -> s.userId() == studentUserId)
                .findFirst().orElseThrow(() -> notInCourse(studentUserId));
        CourseMastery mastery = masteries.of(courseId, Students.only(Set.of(studentUserId)), locale);
        ProgressTree.Tree tree = ProgressTree.of(trees(mastery.activities()), mastery.activities(), mastery.scale(),
                mastery.rule(), mastery.of(studentUserId), locale);
        return new StudentProgress(course.displayTitle(), student, mastery.rule(), mastery.scale(), tree.referentiels(),
                tree.outside());
    }

    /** The class as it leaves the tool in a spreadsheet file: {@link #ofCourse}, logged in the audit trail. */
    public ClassProgress exportOfCourse(long courseId, long teacherUserId, Locale locale) {
        audit.record(new AuditEvent.Exported(courseId, teacherUserId, "TEACHER", "class-progress.csv"));
        return ofCourse(courseId, locale);
    }

    /** Every student of the course (inactive ones too) with their mastery of each skill the course assesses. */
    public ClassProgress ofCourse(long courseId, Locale locale) {
        Course course = members.course(courseId).orElseThrow();
        List<Student> students = students(courseId, locale);
        CourseMastery mastery = masteries.of(courseId, Students.ALL, locale);
        Scale scale = mastery.scale();
        MasteryRule rule = mastery.rule();
        List<ProgressTree.BlocColumns> blocs = ProgressTree.columns(ProgressTree.of(trees(mastery.activities()),
                mastery.activities(), scale, rule, Map.of(), locale));
        List<String> columns = blocs.stream().flatMap(bloc -> bloc.skills().stream()).map(ProgressTree.Column::code)
                .toList();
        Map<BigDecimal, ProgressTree.SkillMastery> known = new HashMap<>();
        List<StudentRow> rows = students.stream().map(student -> {
            Map<String, List<Mastery.Rating>> own = mastery.of(student.userId());
            Map<String, ProgressTree.SkillMastery> skills = LinkedHashMap.newLinkedHashMap(columns.size());
            for (String code : columns) {
                skills.put(code, ProgressTree.SkillMastery.of(scale, rule, own.getOrDefault(code, List.of()), locale,
                        known));
            }
            return new StudentRow(student, skills);
        }).toList();
        return new ClassProgress(course.displayTitle(), rule, scale, blocs, rows);
    }

    /** The référentiels of the activities, each once, in the order the activities first use them. */
    private List<ReferentielTree> trees(List<ActivityView> course) {
        return course.stream().map(ActivityView::referentielCode).distinct().map(referentiels::tree)
                .flatMap(Optional::stream).toList();
    }

    /** The course's students ({@link CourseStudents}: as the grid lists them), inactive ones too. */
    private List<Student> students(long courseId, Locale locale) {
        return students.of(courseId, "en".equals(locale.getLanguage())).stream()
                .map(student -> new Student(student.userId(), student.name(), student.status())).toList();
    }

    static ProblemException notInCourse(long userId) {
        return new ProblemException(404, "student-not-found",
                LocalizedText.of("Étudiant introuvable", "Student not found"),
                LocalizedText.of("L’utilisateur " + userId + " n’est pas un étudiant de ce cours.",
                        "User " + userId + " is not a student of this course."));
    }
}
