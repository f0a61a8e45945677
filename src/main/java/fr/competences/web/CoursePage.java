package fr.competences.web;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The teacher's landing page: the course's activities seen so far (a placeholder until activities are mapped
 * to competencies) and its members, where a teacher grants tool-teacher rights to a member (Moodle sends
 * non-editing teachers as Learner). Only the course of the caller's session is ever shown or changed.
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

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public String page() {
        Locale locale = Language.of(headers, uri);
        Map<String, String> t = pages.texts(locale);
        CourseMembers.Overview overview = members.overview(current.courseId()).orElseThrow(NotFoundException::new);
        Map<String, Object> model = new HashMap<>();
        model.put("course", overview.course().displayTitle());
        model.put("session", current.token());
        model.put("deepLinking", current.session().deepLinkReturnUrl() != null);
        var links = overview.links().stream()
                .map(link -> Map.of("title", link.displayTitle(), "graded", link.lineItemUrl() != null)).toList();
        model.put("links", links);
        model.put("hasLinks", !links.isEmpty());
        model.put("members", overview.members().stream().map(m -> member(m, t, locale)).toList());
        return pages.render("course", locale, model);
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
        String language = Language.isEnglish(Language.of(headers, uri)) ? "&lang=en" : "";
        return Response.seeOther(URI.create("/course?" + LtiSessionFilter.PARAMETER + "=" + current.token() + language))
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
