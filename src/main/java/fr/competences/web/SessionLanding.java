package fr.competences.web;

import fr.competences.lti.session.Landing;
import fr.competences.lti.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a launch lands: a deep linking request on the course page (its activity editor); a teacher launching a link
 * attached to an activity on that activity's grid, otherwise on the course; a student on the launched activity.
 */
@ApplicationScoped
public class SessionLanding implements Landing {

    @Inject
    LaunchedActivity launched;

    @Override
    public String path(Session session) {
        return !session.isTeacher() || opensActivity(session) ? "/activity" : "/course";
    }

    /** A teacher's session that opens an activity's grid rather than the course. */
    boolean opensActivity(Session session) {
        return session.deepLinkReturnUrl() == null && launched.of(session).isPresent();
    }
}
