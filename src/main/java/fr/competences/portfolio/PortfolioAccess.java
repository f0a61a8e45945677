package fr.competences.portfolio;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.session.Session;

/**
 * Whose portfolio a session reads: a student their own (naming anyone else is a 404, as if it did not exist), a
 * teacher the student they name, if a learner of the session's course.
 */
final class PortfolioAccess {

    private PortfolioAccess() {
    }

    static PortfolioOwner whose(Session session, Portfolios portfolios, Long student) {
        if (session.isTeacher()) {
            return portfolios.studentOfCourse(session.platformId(), session.courseId(), named(student));
        }
        if (student != null && student != session.userId()) {
            throw Portfolios.notFound();
        }
        return own(session);
    }

    /** The student a teacher names; 400 when they name none. */
    static long named(Long student) {
        if (student == null) {
            throw new ProblemException(400, "portfolio-student-missing",
                    LocalizedText.of("Étudiant à préciser", "Student to specify"),
                    LocalizedText.of("Précisez l’étudiant dont vous voulez le portfolio : ?student={identifiant}.",
                            "Say which student's portfolio you want: ?student={id}."));
        }
        return student;
    }

    static Portfolios.TeacherInCourse teacher(Session session) {
        return new Portfolios.TeacherInCourse(session.platformId(), session.courseId(), session.userId());
    }

    static Portfolios.Reader reader(Session session) {
        return new Portfolios.Reader(!session.isTeacher(), session.courseId());
    }

    static PortfolioOwner own(Session session) {
        return new PortfolioOwner(session.platformId(), session.userId());
    }
}
