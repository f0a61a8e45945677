package fr.competences.web;

import fr.competences.lti.roster.RosterRefresh;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.course.LisRoles;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The teacher's landing page. A deep linking launch gets the activity editor (answer to "Select content"); a
 * launch of a link that opens an activity goes on to its grid; otherwise (and always at {@code overview}) the course:
 * its activities and their grids, the Moodle links not yet mapped to skills, and its members, where a teacher
 * grants tool-teacher rights to a member (Moodle sends non-editing teachers as Learner). Only the course of the
 * caller's session is ever shown or changed.
 */
@ApplicationScoped
@Path("course")
@LtiSession(CourseRole.TEACHER)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CoursePage {

    @Inject
    CurrentLaunch current;

    @Inject
    CourseMembers members;

    @Inject
    Pages pages;

    @Inject
    Activities activities;

    @Inject
    SessionLanding landing;

    @Inject
    ActivityEditor editor;

    @Inject
    Scales scales;

    @Inject
    RosterRefresh roster;

    @GET
    @Operation(hidden = true)
    public Response page() {
        Locale locale = current.language();
        if (current.session().deepLinkReturnUrl() != null) {
            String course = members.course(current.courseId()).orElseThrow(NotFoundException::new).displayTitle();
            return html(editor.render(ActivityEditor.Mode.DEEP_LINKING, null, course, locale));
        }
        if (landing.opensActivity(current.session())) { // an older address: a launch leads to the grid directly
            return Response.seeOther(URI.create("/activity?" + LtiSessionFilter.PARAMETER + "=" + current.token()
                    + (Language.isEnglish(locale) ? "&lang=en" : ""))).build();
        }
        return overview(locale);
    }

    @GET
    @Path("overview")
    @Operation(hidden = true)
    public Response overview() {
        return overview(current.language());
    }

    private Response overview(Locale locale) {
        Map<String, String> t = pages.texts(locale);
        long courseId = current.courseId();
        roster.refreshSoon(courseId); // students who never launched appear at the teacher's next visit
        CourseMembers.Overview overview = members.overview(courseId).orElseThrow(NotFoundException::new);
        String course = overview.course().displayTitle();
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("session", current.token());
        List<ActivityView> mapped = activities.ofCourse(courseId);
        model.put("activities", mapped.stream().map(activity -> Map.of("id", activity.id(), "title", activity.title(),
                "skills", String.join(", ", activity.skillCodes()), "scoreMaximum", activity.scoreMaximum())).toList());
        model.put("hasActivities", !mapped.isEmpty());
        Set<Long> attached = activities.attachedLinks(courseId);
        var links = overview.links().stream()
                .filter(link -> !attached.contains(link.id()))
                .map(link -> Map.of("title", link.displayTitle(), "graded", link.lineItemUrl() != null,
                        "launched", link.id().equals(current.session().resourceLinkId()))).toList();
        model.put("links", links);
        model.put("hasLinks", !links.isEmpty());
        model.put("members", overview.members().stream().map(m -> member(m, t, locale)).toList());
        Scales.CourseScaleView scale = scales.view(courseId);
        model.put("scaleVersion", scale.version());
        // default levels named in the page's language; sent back unchanged they stay the default (Scale.normalized)
        model.put("scaleLevels", scale.scale().in(locale).levels().stream().map(level -> Map.of("value", level.value(),
                "label", level.label(), "points", level.points(),
                "proficient", level.value() == scale.scale().proficientLevel())).toList());
        return html(pages.render("course", locale, model));
    }

    @POST
    @Path("scale")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // Documented rather than hidden: Payara logs a SEVERE error for the parameters of a hidden operation.
    @Operation(summary = "Formulaire de l’échelle du cours (libellés, points, seuil de maîtrise)")
    public Response scale(Form form) {
        MultivaluedMap<String, String> fields = form.asMap();
        List<Scale.Level> levels = java.util.stream.IntStream.range(0, Scale.LEVELS).mapToObj(i -> new Scale.Level(i,
                fields.getFirst("label_" + i), number(fields.getFirst("points_" + i)))).toList();
        scales.update(current.courseId(), new Scale(levels, number(fields.getFirst("proficientLevel"))),
                number(fields.getFirst("version")));
        String language = Language.isEnglish(current.language()) ? "&lang=en" : "";
        return Response.seeOther(URI.create("/course/overview?" + LtiSessionFilter.PARAMETER + "=" + current.token()
                + language + "#scale-title")).build();
    }

    /** A number typed in a form; anything else becomes -1, which the scale's checks refuse with a message. */
    private static int number(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response html(String page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("members/{memberId}/teacher")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // Documented rather than hidden: Payara logs a SEVERE error for the parameters of a hidden operation.
    @Operation(summary = "Donne (granted=true) ou retire les droits d’enseignant de l’outil à un membre du cours",
            description = "Formulaire de la page du cours ; jeton de session dans le paramètre lti_session.")
    public Response grantTeacher(@PathParam("memberId") long memberId, @FormParam("granted") boolean granted) {
        members.grantTeacher(current.courseId(), memberId, granted, current.userId())
                .orElseThrow(NotFoundException::new);
        String language = Language.isEnglish(current.language()) ? "&lang=en" : "";
        return Response.seeOther(URI.create("/course/overview?" + LtiSessionFilter.PARAMETER + "=" + current.token()
                + language))
                .build();
    }

    /** A member row; the grant button shows only for members whose platform roles do not already make them teach. */
    private Map<String, Object> member(CourseMember member, Map<String, String> t, Locale locale) {
        boolean teachesByPlatform = LisRoles.access(member.platformRoles(), false).orElse(null) == CourseRole.TEACHER;
        CourseRole role = member.role().orElse(null);
        Map<String, Object> row = new HashMap<>();
        row.put("id", member.id());
        row.put("name", member.user().displayName(Language.isEnglish(locale)));
        row.put("role", role == null ? "—" : role == CourseRole.STUDENT ? t.get("role_student")
                : member.teacherGranted() && !teachesByPlatform ? t.get("role_teacher_granted") : t.get("role_teacher"));
        row.put("canGrant", !teachesByPlatform && role != null && member.user().id() != current.userId());
        row.put("grant", !member.teacherGranted());
        row.put("action", member.teacherGranted() ? t.get("revoke_teacher") : t.get("grant_teacher"));
        row.put("session", current.token());
        return row;
    }
}
