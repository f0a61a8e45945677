package fr.competences.web;

import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The student's landing page: the course, the activity launched and the student's name (for now). */
@ApplicationScoped
@Path("activity")
@LtiSession(CourseRole.STUDENT)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ActivityPage {

    @Inject
    CurrentLaunch current;

    @Inject
    CourseMembers members;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public String page() {
        Locale locale = Language.of(headers, uri);
        Session session = current.session();
        CourseMembers.Activity activity = members.activity(session.courseId(), session.resourceLinkId(),
                session.userId()).orElseThrow(NotFoundException::new);
        return pages.render("activity", locale, Map.of(
                "course", activity.course().displayTitle(),
                "activity", activity.link().displayTitle(),
                "student", activity.user().displayName(Language.isEnglish(locale)),
                "session", current.token()));
    }
}
