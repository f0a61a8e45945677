package fr.competences.lti.session;

/**
 * The page a new session opens on, chosen where the pages are ({@code web}) and asked by the launch, so that the
 * launch's redirect leads straight to it: a teacher launching an activity's link lands on its grid in one redirect,
 * not through the course page's.
 */
public interface Landing {

    /** The path of the session's first page, e.g. {@code /activity}. */
    String path(Session session);

    /** Without a page capability deployed: the course for teachers, the launched activity for students. */
    static String byRole(Session session) {
        return session.isTeacher() ? "/course" : "/activity";
    }
}
