package fr.competences.web;

import fr.competences.gradebook.columns.ColumnStatus;
import fr.competences.gradebook.outbox.DeliveryStatus;
import fr.competences.gradebook.outbox.GradebookDifferences;
import fr.competences.gradebook.outbox.Resend;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.gradebook.rules.CourseGrading;
import fr.competences.gradebook.rules.GradeRule;
import fr.competences.lti.roster.CourseStudents;
import fr.competences.lti.roster.Roster;
import fr.competences.lti.roster.RosterRefresh;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.gradebook.Gradebook;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import jakarta.inject.Inject;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The teacher's gradebook page: the course's grading rule and competency columns, where each grade stands in the
 * platform's gradebook (synced / pending / failed, with what the platform said and what to do), resync buttons, and the
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
    DeliveryStatus status;

    @Inject
    ColumnStatus columnStatus;

    @Inject
    CourseGrading grading;

    @Inject
    Gradebook sync;

    @Inject
    GradebookDifferences differences;

    @Inject
    RosterRefresh rosterSync;

    @Inject
    Roster roster;

    @Inject
    Pages pages;

    @Inject
    Scales scales;

    @Context
    UriInfo uri;

    @Inject
    CourseStudents students;

    @GET
    @Operation(hidden = true)
    public String page() {
        Locale locale = current.language();
        Map<String, String> t = pages.texts(locale);
        long courseId = current.courseId();
        rosterSync.beforeListing(courseId);
        Map<Long, String> titles = activities.ofCourse(courseId).stream()
                .collect(Collectors.toMap(ActivityView::id, ActivityView::title));
        CourseMembers.Overview overview = members.overview(courseId).orElseThrow(NotFoundException::new);
        Map<Long, String> names = overview.members().stream().map(CourseMember::user).collect(Collectors.toMap(
                user -> user.id(), user -> user.displayName(Language.isEnglish(locale)), (a, b) -> a));
        List<DeliveryStatus.Cell> cells = status.cells(courseId);
        List<ColumnStatus.ColumnSummary> columnStates = columnStatus.columns(courseId, cells);
        Map<Long, String> columnLabels = columnStates.stream()
                .collect(Collectors.toMap(ColumnStatus.ColumnSummary::columnId, ColumnStatus.ColumnSummary::label));
        GradeRule rule = grading.rule(courseId);
        CourseGrading.Columns chosen = grading.columns(courseId);
        Map<String, Object> model = new HashMap<>();
        model.put("course", overview.course().displayTitle());
        model.put("session", current.token());
        Scale scale = scales.of(courseId).in(locale);
        String proficient = scale.level(scale.proficientLevel()).label(); // the rules name the course's own level
        model.put("rules", Arrays.stream(GradeRule.values()).map(r -> Map.of("name", r.name(),
                "label", t.get("gradebook_rule_" + r.name()).formatted(proficient), "selected", r == rule)).toList());
        model.put("activities", status.activities(cells).stream().map(a -> Map.of("id", a.activityId(),
                "title", titles.getOrDefault(a.activityId(), "#" + a.activityId()), "synced", a.synced(),
                "pending", a.pending(), "failed", a.failed())).toList());
        model.put("columnModes", Arrays.stream(ColumnMode.values()).map(m -> Map.of("name", m.name(),
                "label", t.get("gradebook_columns_" + m.name()), "selected", m == chosen.mode())).toList());
        model.put("masteryRules", Arrays.stream(MasteryRule.values()).map(m -> Map.of("name", m.name(),
                "label", t.get("gradebook_mastery_" + m.name()), "selected", m == chosen.mastery())).toList());
        model.put("columns", columnStates.stream().map(c -> column(c, t, locale)).toList());
        model.put("hasColumns", !columnStates.isEmpty());
        model.put("hasCells", !cells.isEmpty());
        List<CourseStudents.Student> learners = students.of(courseId, Language.isEnglish(locale));
        model.putAll(matrix(cells, learners, titles, columnLabels, t, locale));
        List<DeliveryStatus.WaitingActivity> waiting = status.waiting(courseId);
        model.put("waiting", waiting.stream().map(w -> Map.of("id", w.activityId(),
                "title", titles.getOrDefault(w.activityId(), "#" + w.activityId()), "positioned", w.positioned(),
                "explanation", w.explanation().in(locale))).toList());
        model.put("hasWaiting", !waiting.isEmpty());
        comparison(courseId, titles, columnLabels, names, t, locale).ifPresent(c -> model.put("comparison", c));
        model.put("rosterNone", "none".equals(uri.getQueryParameters().getFirst("roster")));
        // learners only (teachers are members too), each status in the page's language
        model.put("rosterStatuses", learners.stream().map(s -> s.status() == null ? "Active" : s.status())
                .collect(Collectors.groupingBy(Function.identity(), java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> Map.of("status", t.get("gradebook_learners_" + e.getKey()),
                        "count", e.getValue())).toList());
        return pages.render("gradebook", locale, model);
    }

    @POST
    @Path("rule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response chooseRule(@FormParam("rule") String rule) {
        sync.chooseRule(current.courseId(), rule, current.userId());
        return back();
    }

    @POST
    @Path("columns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response chooseColumns(@FormParam("mode") String mode, @FormParam("mastery") String mastery) {
        sync.chooseColumns(current.courseId(), mode, mastery, current.userId());
        return back();
    }

    @POST
    @Path("resync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resync(@FormParam("activityId") Long activityId) {
        if (activityId == null) {
            sync.resyncCourse(current.courseId(), Resend.ALL);
        } else {
            sync.resyncActivity(current.courseId(), activityId, Resend.ALL);
        }
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

    /**
     * What the platform's gradebook holds for the activity or column named by {@code ?compareActivity=} or
     * {@code ?compareColumn=}, read on demand; when the platform cannot say, its answer instead.
     */
    private Optional<Map<String, Object>> comparison(long courseId, Map<Long, String> titles,
            Map<Long, String> columnLabels, Map<Long, String> names, Map<String, String> t, Locale locale) {
        Long activityId = number(uri.getQueryParameters().getFirst("compareActivity"));
        Long columnId = number(uri.getQueryParameters().getFirst("compareColumn"));
        if (activityId == null && columnId == null) {
            return Optional.empty();
        }
        Map<String, Object> comparison = new HashMap<>();
        comparison.put("title", activityId != null ? titles.getOrDefault(activityId, "#" + activityId)
                : t.get("gradebook_column") + " " + columnLabels.getOrDefault(columnId, "#" + columnId));
        try {
            List<GradebookDifferences.Difference> found = activityId != null
                    ? differences.ofActivity(courseId, activityId) : differences.ofColumn(courseId, columnId);
            comparison.put("rows", found.stream().map(d -> Map.of(
                    "student", names.getOrDefault(d.userId(), "#" + d.userId()),
                    "tool", decimal(d.toolScore(), locale) + " / " + decimal(d.scoreMaximum().stripTrailingZeros(), locale),
                    "platform", d.platformScore() == null ? "—" : decimal(d.platformScore(), locale),
                    "state", t.get("gradebook_difference_" + d.kind().name()),
                    "stateClass", d.kind() == GradebookDifferences.Kind.SAME ? "synced" : "failed")).toList());
            comparison.put("empty", found.isEmpty());
        } catch (ProblemException unreadable) {
            comparison.put("error", unreadable.detail().in(locale));
        }
        return Optional.of(comparison);
    }

    /** A grade as teachers write it: 12,50 in French, 12.50 in English. */
    private static String decimal(BigDecimal value, Locale locale) {
        String plain = value.toPlainString();
        return Language.isEnglish(locale) ? plain : plain.replace('.', ',');
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Map<String, Object> column(ColumnStatus.ColumnSummary column, Map<String, String> t, Locale locale) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", column.columnId());
        row.put("label", column.label());
        row.put("state", t.get("gradebook_column_" + column.state().name()));
        row.put("stateClass", column.state() == ColumnStatus.ColumnState.FAILED ? "failed"
                : column.state() == ColumnStatus.ColumnState.CREATED ? "synced" : "pending");
        row.put("explanation", column.explanation() == null ? "" : column.explanation().in(locale));
        row.put("synced", column.synced());
        row.put("pending", column.pending());
        row.put("failed", column.failed());
        return row;
    }

    /**
     * The grades as a table: one row per learner of the course (family name order), one column per activity then per
     * competency column, each cell the grade sent and its state; the per-cell reason is its title and, for screen
     * readers, hidden text.
     */
    private Map<String, Object> matrix(List<DeliveryStatus.Cell> cells, List<CourseStudents.Student> learners,
            Map<Long, String> titles, Map<Long, String> columnLabels, Map<String, String> t, Locale locale) {
        List<String> keys = new java.util.ArrayList<>();
        List<Map<String, Object>> heads = new java.util.ArrayList<>();
        cells.stream().map(DeliveryStatus.Cell::activityId).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(id -> {
                    keys.add("a" + id);
                    heads.add(Map.of("label", titles.getOrDefault(id, "#" + id), "column", false));
                });
        cells.stream().map(DeliveryStatus.Cell::columnId).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(id -> {
                    keys.add("c" + id);
                    heads.add(Map.of("label", columnLabels.getOrDefault(id, "#" + id), "column", true));
                });
        Map<Long, Map<String, DeliveryStatus.Cell>> byStudent = new HashMap<>();
        cells.forEach(cell -> byStudent.computeIfAbsent(cell.userId(), id -> new HashMap<>())
                .put(cell.activityId() != null ? "a" + cell.activityId() : "c" + cell.columnId(), cell));
        List<Map<String, Object>> rows = learners.stream().filter(s -> byStudent.containsKey(s.userId())
                || s.active()).map(learner -> {
                    Map<String, DeliveryStatus.Cell> mine = byStudent.getOrDefault(learner.userId(), Map.of());
                    return Map.<String, Object>of("student", learner.name(), "cells", keys.stream().map(key -> {
                        DeliveryStatus.Cell cell = mine.get(key);
                        if (cell == null) {
                            return Map.<String, Object>of("empty", true);
                        }
                        return Map.<String, Object>of("empty", false,
                                "score", cell.scoreGiven() == null ? "—" : decimal(cell.scoreGiven(), locale),
                                "statusClass", cell.status().name().toLowerCase(Locale.ROOT),
                                "status", t.get("gradebook_status_" + cell.status().name()),
                                "mark", t.get("gradebook_mark_" + cell.status().name()),
                                "explanation", cell.explanation().in(locale));
                    }).toList());
                }).toList();
        return Map.of("matrixHeads", heads, "matrixRows", rows);
    }

    private Response back() {
        return Response.seeOther(URI.create(backUrl())).build();
    }

    private String backUrl() {
        String language = Language.isEnglish(current.language()) ? "&lang=en" : "";
        return "/course/gradebook?" + LtiSessionFilter.PARAMETER + "=" + current.token() + language;
    }
}
