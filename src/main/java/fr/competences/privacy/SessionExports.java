package fr.competences.privacy;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * Who may export whose data from a tool session, for the page link and the API alike: a student their own
 * (from all their courses), a teacher one student of the session's course (that course only).
 */
@ApplicationScoped
class SessionExports {

    @Inject
    CurrentLaunch current;

    @Inject
    PersonalData data;

    @Inject
    PersonalDataExport export;

    Response archive(Long student) {
        long whose = whose(student);
        return export.zip(whose, scope(), current.language(), who());
    }

    Response json(Long student) {
        long whose = whose(student);
        return export.json(whose, scope(), who());
    }

    /**
     * A student: themselves only (403 for anyone else). A teacher: the student they name, who must be a student of
     * the session's course (404 otherwise, as for a user who does not exist); without a name, themselves.
     */
    private long whose(Long student) {
        if (student == null || student == current.userId()) {
            return current.userId();
        }
        if (!current.session().isTeacher()) {
            throw new ProblemException(403, "privacy-not-yours", LocalizedText.of("Accès refusé", "Access refused"),
                    LocalizedText.of("Vous ne pouvez télécharger que vos propres données.",
                            "You can only download your own data."));
        }
        if (data.roleIn(current.courseId(), student).orElse(null) != CourseRole.STUDENT) {
            throw new ProblemException(404, "privacy-not-a-student",
                    LocalizedText.of("Étudiant introuvable", "Student not found"),
                    LocalizedText.of("L’utilisateur " + student + " n’est pas un étudiant de ce cours.",
                            "User " + student + " is not a student of this course."));
        }
        return student;
    }

    /** A student's own data comes from all their courses; a teacher sees the session's course only. */
    private Long scope() {
        return current.session().isTeacher() ? current.courseId() : null;
    }

    private Requester who() {
        return new Requester(current.userId(), current.session().role().name(), current.courseId());
    }
}
