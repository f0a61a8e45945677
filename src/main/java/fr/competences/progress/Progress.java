package fr.competences.progress;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Assessments;
import fr.competences.assessment.Mastery;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.MasteryRules;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.roster.Roster;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Students' progress in a course, read in one transaction and a constant number of queries whatever the number of
 * students and activities (positions come from {@link Assessments#positionsOfCourse} in one query). Writes nothing
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
    Activities activities;

    @Inject
    Scales scales;

    @Inject
    Assessments assessments;

    @Inject
    Referentiels referentiels;

    @Inject
    MasteryRules masteryRules;

    @Inject
    CourseMembers members;

    @Inject
    Roster roster;

    @Inject
    Audit audit;

    /** A student's progress; 404 when they are not a student of the course. */
    public StudentProgress ofStudent(long courseId, long studentUserId, Locale locale) {
        CourseMembers.Overview overview = members.overview(courseId).orElseThrow(() -> notInCourse(studentUserId));
        Student student = students(overview, Map.of(), locale).stream().filter(s -> s.userId() == studentUserId)
                .findFirst().orElseThrow(() -> notInCourse(studentUserId));
        List<ActivityView> course = activities.ofCourse(courseId);
        Scale scale = scales.of(courseId);
        MasteryRule rule = masteryRules.of(courseId);
        Map<String, List<Mastery.Rating>> ratings = Mastery.ratings(course, scale,
                assessments.positionsOfCourse(courseId, Optional.of(Set.of(studentUserId))))
                .getOrDefault(studentUserId, Map.of());
        ProgressTree.Tree tree = ProgressTree.of(trees(course), course, scale, rule, ratings, locale);
        return new StudentProgress(overview.course().displayTitle(), student, rule, scale, tree.referentiels(),
                tree.outside());
    }

    /** The class as it leaves the tool in a spreadsheet file: {@link #ofCourse}, logged in the audit trail. */
    public ClassProgress exportOfCourse(long courseId, long teacherUserId, Locale locale) {
        audit.record(new AuditEvent.Exported(courseId, teacherUserId, "TEACHER", "class-progress.csv"));
        return ofCourse(courseId, locale);
    }

    /** Every student of the course (inactive ones too) with their mastery of each skill the course assesses. */
    public ClassProgress ofCourse(long courseId, Locale locale) {
        CourseMembers.Overview overview = members.overview(courseId).orElseThrow();
        List<Student> students = students(overview, roster.statuses(courseId), locale);
        List<ActivityView> course = activities.ofCourse(courseId);
        Scale scale = scales.of(courseId);
        MasteryRule rule = masteryRules.of(courseId);
        List<ProgressTree.BlocColumns> blocs = ProgressTree.columns(
                ProgressTree.of(trees(course), course, scale, rule, Map.of(), locale));
        Map<Long, Map<String, List<Mastery.Rating>>> ratings = Mastery.ratings(course, scale,
                assessments.positionsOfCourse(courseId, Optional.empty()));
        List<StudentRow> rows = students.stream().map(student -> {
            Map<String, List<Mastery.Rating>> own = ratings.getOrDefault(student.userId(), Map.of());
            Map<String, ProgressTree.SkillMastery> masteries = new LinkedHashMap<>();
            blocs.stream().flatMap(bloc -> bloc.skills().stream()).forEach(column -> masteries.put(column.code(),
                    ProgressTree.SkillMastery.of(scale, rule, own.getOrDefault(column.code(), List.of()), locale)));
            return new StudentRow(student, masteries);
        }).toList();
        return new ClassProgress(overview.course().displayTitle(), rule, scale, blocs, rows);
    }

    /** The référentiels of the activities, each once, in the order the activities first use them. */
    private List<ReferentielTree> trees(List<ActivityView> course) {
        return course.stream().map(ActivityView::referentielCode).distinct().map(referentiels::tree)
                .flatMap(Optional::stream).toList();
    }

    /** Members whose role is student now, by name (French collation, as the grid). */
    private static List<Student> students(CourseMembers.Overview overview, Map<Long, String> statuses, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Collator collator = Collator.getInstance(Locale.FRENCH);
        return overview.members().stream().filter(m -> m.role().orElse(null) == CourseRole.STUDENT)
                .map(CourseMember::user)
                .map(user -> new Student(user.id(), user.displayName(english), statuses.get(user.id())))
                .sorted(Comparator.comparing(Student::name, collator)).toList();
    }

    static ProblemException notInCourse(long userId) {
        return new ProblemException(404, "student-not-found",
                LocalizedText.of("Étudiant introuvable", "Student not found"),
                LocalizedText.of("L’utilisateur " + userId + " n’est pas un étudiant de ce cours.",
                        "User " + userId + " is not a student of this course."));
    }
}
