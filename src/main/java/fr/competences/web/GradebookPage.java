package fr.competences.web;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.gradebook.CourseGrading;
import fr.competences.gradebook.GradeRule;
import fr.competences.gradebook.GradeSync;
import fr.competences.gradebook.Roster;
import fr.competences.gradebook.RosterSync;
import fr.competences.gradebook.SyncStatus;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The teacher's gradebook page: the course's grading rule, where each activity's grades stand in the platform's
 * gradebook (synced / pending / failed, with what the platform said and what to do), resync buttons, and the
 * roster refresh. Only the course of the caller's session.
 */
@Path("course/gradebook")
@LtiSession(CourseRole.TEACHER)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class GradebookPage {

    @Inject
    CurrentLaunch current;

    @Inject
    CourseMembers members;

    @Inject
    Activities activities;

    @Inject
    SyncStatus status;

    @Inject
    CourseGrading grading;

    @Inject
    GradeSync sync;

    @Inject
    RosterSync rosterSync;

    @Inject
    Roster roster;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public String page() {
        Locale locale = current.language();
        Map<String, String> t = pages.texts(locale);
        long courseId = current.courseId();
        Map<Long, String> titles = activities.ofCourse(courseId).stream()
                .collect(Collectors.toMap(ActivityView::id, ActivityView::title));
        CourseMembers.Overview overview = members.overview(courseId).orElseThrow(NotFoundException::new);
        Map<Long, String> names = overview.members().stream().map(CourseMember::user).collect(Collectors.toMap(
                user -> user.id(), user -> user.displayName(Language.isEnglish(locale)), (a, b) -> a));
        List<SyncStatus.Cell> cells = status.cells(courseId);
        GradeRule rule = grading.rule(courseId);
        Map<String, Object> model = new HashMap<>();
        model.put("course", overview.course().displayTitle());
        model.put("session", current.token());
        model.put("rules", java.util.Arrays.stream(GradeRule.values()).map(r -> Map.of("name", r.name(),
                "label", t.get("gradebook_rule_" + r.name()), "selected", r == rule)).toList());
        model.put("activities", status.activities(cells).stream().map(a -> Map.of("id", a.activityId(),
                "title", titles.getOrDefault(a.activityId(), "#" + a.activityId()), "synced", a.synced(),
                "pending", a.pending(), "failed", a.failed())).toList());
        model.put("cells", cells.stream().map(cell -> cell(cell, titles, names, t, locale)).toList());
        model.put("hasCells", !cells.isEmpty());
        model.put("rosterNone", "none".equals(uri.getQueryParameters().getFirst("roster")));
        model.put("rosterStatuses", roster.statuses(courseId).values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .map(e -> Map.of("status", e.getKey(), "count", e.getValue())).toList());
        return pages.render("gradebook", locale, model);
    }

    @POST
    @Path("rule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @Operation(hidden = true)
    public Response chooseRule(@FormParam("rule") GradeRule rule) {
        if (rule != null && grading.choose(current.courseId(), rule, current.userId())) {
            sync.resync(current.courseId(), null, false);
        }
        return back();
    }

    @POST
    @Path("resync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resync(@FormParam("activityId") Long activityId) {
        sync.resync(current.courseId(), activityId, true);
        return back();
    }

    @POST
    @Path("roster")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response refreshRoster() {
        Roster.Outcome outcome = rosterSync.refresh(current.courseId());
        return outcome.offered() ? back() : Response.seeOther(URI.create(backUrl() + "&roster=none")).build();
    }

    private Map<String, Object> cell(SyncStatus.Cell cell, Map<Long, String> titles, Map<Long, String> names,
            Map<String, String> t, Locale locale) {
        Map<String, Object> row = new HashMap<>();
        row.put("activity", titles.getOrDefault(cell.activityId(), "#" + cell.activityId()));
        row.put("student", names.getOrDefault(cell.userId(), "#" + cell.userId()));
        row.put("status", t.get("gradebook_status_" + cell.status().name()));
        row.put("statusClass", cell.status().name().toLowerCase(Locale.ROOT));
        row.put("score", cell.scoreGiven() == null ? "—" : cell.scoreGiven().toPlainString());
        row.put("explanation", cell.explanation().in(locale));
        return row;
    }

    private Response back() {
        return Response.seeOther(URI.create(backUrl())).build();
    }

    private String backUrl() {
        String language = Language.isEnglish(current.language()) ? "&lang=en" : "";
        return "/course/gradebook?" + LtiSessionFilter.PARAMETER + "=" + current.token() + language;
    }
}
