package fr.competences.web;

import fr.competences.view.Language;
import fr.competences.view.Pages;
import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Assessments;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.assessment.SheetView;
import fr.competences.errors.ProblemException;
import fr.competences.errors.ProblemResponses;
import fr.competences.evidence.EvidenceView;
import fr.competences.evidence.Evidences;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.ResourceLink;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import fr.competences.lti.session.Session;
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
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page of the activity a launch opens. Teachers get the grid (students × skills), or the skill choice when the
 * link was added without deep linking; students get the activity, their levels, the teacher's comment and their
 * self-assessment. Everything is read from the session's course only.
 */
@ApplicationScoped
@Path("activity")
@LtiSession
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ActivityPage {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Inject
    CurrentLaunch current;

    @Inject
    CourseMembers members;

    @Inject
    LaunchedActivity launched;

    @Inject
    Activities activities;

    @Inject
    Assessments assessments;

    @Inject
    Scales scales;

    @Inject
    ActivityEditor editor;

    @Inject
    Evidences evidences;

    @Inject
    Pages pages;

    @GET
    @Operation(hidden = true)
    public String page() {
        Session session = current.session();
        Optional<ActivityView> activity = launched.of(session);
        if (session.isTeacher()) {
            return activity.map(this::grid).orElseGet(() -> editor.render(ActivityEditor.Mode.CREATE, null, course(),
                    locale()));
        }
        return student(activity, null, null, null);
    }

    @GET
    @Path("{id}")
    // Documented rather than hidden: Payara logs a SEVERE error for the parameters of a hidden operation.
    @Operation(summary = "Page de la grille d’une activité du cours (enseignant)")
    public String activity(@PathParam("id") long id) {
        requireTeacher();
        return grid(activities.require(current.courseId(), id));
    }

    @GET
    @Path("{id}/edit")
    @Operation(summary = "Page de modification d’une activité (enseignant)")
    public String edit(@PathParam("id") long id) {
        requireTeacher();
        ActivityView activity = activities.require(current.courseId(), id);
        return editor.render(ActivityEditor.Mode.EDIT, activity, course(), locale());
    }

    @POST
    @Path("{id}/self-assessment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire d’auto-évaluation de la page étudiant (champs level_CODE)")
    public Response selfAssess(@PathParam("id") long id, Form form) {
        requireStudent();
        Map<String, Integer> levels = new HashMap<>();
        form.asMap().forEach((name, values) -> {
            if (name.startsWith("level_") && !values.isEmpty()) {
                levels.put(name.substring("level_".length()), values.get(0).isBlank() ? null : parse(values.get(0)));
            }
        });
        assessments.saveSelfAssessment(current.courseId(), id, current.userId(), levels);
        return backToStudentPage("auto-evaluation");
    }

    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire de dépôt d’un texte ou d’un lien de la page étudiant")
    public Response handIn(@PathParam("id") long id, @FormParam("text") String text, @FormParam("url") String url) {
        requireStudent();
        try {
            if (url != null && !url.isBlank()) {
                evidences.addLink(current.courseId(), id, current.userId(), url);
            } else {
                evidences.addText(current.courseId(), id, current.userId(), text);
            }
        } catch (ProblemException refused) {
            if (refused.status() != 422 && refused.status() != 413 || !ProblemResponses.wantsHtml(headers, uri)) {
                throw refused; // a program posting the form gets the problem, as from every other endpoint
            }
            // a browser gets the student's page again, with why and what they typed: no dead end, nothing to retype
            return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(student(launched.of(current.session()), refused, text, url)).build();
        }
        return backToStudentPage("preuves");
    }

    @POST
    @Path("{id}/evidence/{evidenceId}/delete")
    @Operation(summary = "Formulaire de retrait d’une preuve de la page étudiant")
    public Response withdraw(@PathParam("id") long id, @PathParam("evidenceId") long evidenceId) {
        requireStudent();
        evidences.delete(current.courseId(), evidenceId, current.userId());
        return backToStudentPage("preuves");
    }

    private Response backToStudentPage(String anchor) {
        return Response.seeOther(URI.create("/activity?" + LtiSessionFilter.PARAMETER + "=" + current.token()
                + (Language.isEnglish(locale()) ? "&lang=en" : "") + "#" + anchor)).build();
    }

    private void requireStudent() {
        if (current.session().isTeacher()) {
            throw new LtiException(LtiError.STUDENT_ONLY);
        }
    }

    private String grid(ActivityView activity) {
        Locale locale = locale();
        Map<String, String> t = pages.texts(locale);
        Map<String, Object> model = base(activity, course());
        Optional<ResourceLink> link = launchedLink();
        model.put("noLineItem", link.isPresent() && link.get().lineItemUrl() == null
                && activities.forLink(current.courseId(), link.get().id()).map(a -> a.id() == activity.id()).orElse(false));
        Scale scale = scales.of(current.courseId()).in(locale);
        Map<Integer, String> shorts = scale.abbreviations();
        model.put("scale", scale.levels().stream().map(level -> Map.<String, Object>of("value", level.value(),
                "label", level.label(), "short", shorts.get(level.value()))).toList());
        jakarta.json.JsonObjectBuilder initials = jakarta.json.Json.createObjectBuilder();
        shorts.forEach((level, initial) -> initials.add(Integer.toString(level), initial));
        model.put("shorts", initials.build().toString()); // the cells show what the legend shows
        model.put("keysLevel", t.get("grid_keys_level").formatted(scale.levels().stream()
                .map(level -> shorts.get(level.value())).collect(java.util.stream.Collectors.joining(", "))));
        model.put("skills", activity.skills().stream().map(skill -> Map.<String, Object>of("code", skill.code(),
                "title", skill.title(), "weighted", skill.weight() != 1, "weight", Weights.format(skill.weight())))
                .toList());
        model.put("texts", ScriptTexts.json(t));
        return pages.render("grid", locale, model);
    }

    private String student(Optional<ActivityView> found, ProblemException refused, String typedText,
            String typedUrl) {
        Session session = current.session();
        Locale locale = locale();
        // students always launch from a link: its course, link and user, read once for the whole page
        CourseMembers.Activity launch = members.activity(session.courseId(), session.resourceLinkId(),
                session.userId()).orElseThrow(NotFoundException::new);
        String student = launch.user().displayName(Language.isEnglish(locale));
        if (found.isEmpty()) {
            Map<String, Object> model = new HashMap<>();
            model.put("session", current.token());
            model.put("course", launch.course().displayTitle());
            model.put("activity", launch.link().displayTitle());
            model.put("student", student);
            return pages.render("activity-waiting", locale, model);
        }
        ActivityView activity = found.get();
        Scale scale = scales.of(session.courseId()).in(locale);
        SheetView sheet = assessments.sheet(session.courseId(), activity.id(), session.userId());
        Map<String, Object> model = base(activity, launch.course().displayTitle());
        model.put("student", student);
        model.put("comment", sheet.comment());
        model.put("skills", activity.skills().stream().map(skill -> {
            Integer level = sheet.levels().get(skill.code());
            Integer self = sheet.selfLevels().get(skill.code());
            Map<String, Object> row = new HashMap<>();
            row.put("code", skill.code());
            row.put("title", skill.title());
            row.put("weight", Weights.format(skill.weight()));
            row.put("assessed", level != null);
            row.put("level", level == null ? "" : scale.level(level).label());
            row.put("levelClass", level == null ? "none" : Integer.toString(level));
            row.put("choices", levels(scale, self));
            return row;
        }).toList());
        model.put("evidence", evidences.ofStudent(session.courseId(), activity.id(), session.userId()).stream()
                .map(this::evidence).toList());
        model.put("maxFileMegabytes", Evidences.MAX_FILE_BYTES / (1024 * 1024));
        if (refused != null) {
            model.put("evidenceProblem", Map.of("title", refused.title().in(locale),
                    "detail", refused.detail().in(locale),
                    "errors", refused.errors().stream().map(e -> Map.of("message", e.message().in(locale))).toList()));
            model.put("typedText", typedText == null ? "" : typedText);
            model.put("typedUrl", typedUrl == null ? "" : typedUrl);
        }
        model.put("texts", ScriptTexts.json(pages.texts(locale)));
        return pages.render("activity-student", locale, model);
    }

    private Map<String, Object> evidence(EvidenceView evidence) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", evidence.id());
        row.put("text", evidence.text());
        row.put("url", evidence.url());
        row.put("fileName", evidence.fileName());
        row.put("size", evidence.size() == null ? ""
                : Math.max(1, evidence.size() / 1024) + (Language.isEnglish(locale()) ? " KB" : " Ko"));
        return row;
    }

    private Map<String, Object> base(ActivityView activity, String courseTitle) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", current.token());
        model.put("course", courseTitle);
        model.put("activityId", activity.id());
        model.put("title", activity.title());
        model.put("instructions", activity.instructions());
        model.put("scoreMaximum", activity.scoreMaximum());
        return model;
    }

    private static List<Map<String, Object>> levels(Scale scale, Integer selected) {
        return scale.levels().stream().map(level -> Map.<String, Object>of("value", level.value(),
                "label", level.label(), "points", level.points(), "selected",
                selected != null && selected == level.value())).toList();
    }

    private void requireTeacher() {
        if (!current.session().isTeacher()) {
            throw new LtiException(LtiError.TEACHER_ONLY);
        }
    }

    private Optional<ResourceLink> launchedLink() {
        Session session = current.session();
        return members.activity(session.courseId(), session.resourceLinkId(), session.userId())
                .map(CourseMembers.Activity::link);
    }

    private String course() {
        return members.course(current.courseId()).orElseThrow(NotFoundException::new).displayTitle();
    }

    private Locale locale() {
        return current.language();
    }

    private static Integer parse(String level) {
        try {
            return Integer.valueOf(level.strip());
        } catch (NumberFormatException e) {
            return -1; // refused with the others by the boundary's checks
        }
    }
}
