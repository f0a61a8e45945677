package fr.competences.progress;

import fr.competences.assessment.Scale;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.roster.RosterRefresh;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The two progress pages: a student's « Ma progression » (their référentiel's tree with their mastery of each skill the
 * course assesses and a chart per bloc; a teacher opens it for one student of the course), and the teachers' class
 * grid, students × skills grouped by bloc. Plain HTML and CSS, no script: they work inside Moodle's iframe and from
 * the keyboard alone.
 */
@ApplicationScoped
@Path("course/progress")
@LtiSession
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ProgressPage {

    /** Where the French dates of positionings are read: the BTS is French (mainland time). */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Inject
    CurrentLaunch current;

    @Inject
    Progress progress;

    @Inject
    Pages pages;

    @Inject
    RosterRefresh roster;

    @GET
    // Documented rather than hidden: Payara logs a SEVERE error for the parameters of a hidden operation.
    @Operation(summary = "Page « Ma progression » (un enseignant précise l’étudiant avec student)")
    public Response progressPage(@Parameter(description = "identifiant de l’étudiant (enseignants)")
            @QueryParam("student") Long student) {
        if (current.session().isTeacher() && student == null) {
            return Response.seeOther(URI.create("/course/progress/overview?" + query())).build();
        }
        Locale locale = current.language();
        Progress.StudentProgress found = progress.ofStudent(current.courseId(), ProgressResource.whose(current, student),
                locale);
        Map<String, String> t = pages.texts(locale);
        Map<String, Object> model = base(found.course(), t, found.rule().name());
        model.put("student", found.student().name());
        model.put("teacherView", current.session().isTeacher());
        // a teacher looks at someone else's progress: its heading is the student's name, not "Ma progression"
        model.put("heading", current.session().isTeacher() ? t.get("progress_of").formatted(found.student().name())
                : t.get("progress_title"));
        if (current.session().isTeacher()) {
            model.put("pageQuery", "student=" + found.student().userId());
            model.put("studentId", found.student().userId());
        }
        String proficient = found.scale().level(found.scale().proficientLevel()).label();
        model.put("proficientLabel", proficient);
        boolean several = found.referentiels().size() > 1;
        model.put("referentiels", found.referentiels().stream().map(r -> Map.of("title", r.title(), "several", several,
                "blocs", r.blocs().stream().map(bloc -> bloc(bloc, t, locale, proficient)).toList())).toList());
        model.put("hasOutside", !found.outside().isEmpty());
        model.put("outside", found.outside().stream().map(skill -> skill(skill, t, locale)).toList());
        model.put("legend", legend(found.scale()));
        return html(pages.render("progress", locale, model));
    }

    @GET
    @Path("overview")
    @LtiSession(CourseRole.TEACHER)
    @Operation(hidden = true)
    public Response overview() {
        Locale locale = current.language();
        Map<String, String> t = pages.texts(locale);
        roster.beforeListing(current.courseId());
        Progress.ClassProgress found = progress.ofCourse(current.courseId(), locale);
        Map<String, Object> model = base(found.course(), t, found.rule().name());
        Map<Integer, String> shorts = found.scale().abbreviations();
        model.put("legend", legend(found.scale()));
        model.put("blocs", found.blocs().stream().map(bloc -> Map.of(
                "title", bloc.code() == null ? t.get("progress_outside") : bloc.code() + " " + bloc.title(),
                "code", bloc.code() == null ? t.get("progress_outside_short") : bloc.code(),
                "span", bloc.skills().size(),
                "skills", bloc.skills().stream().map(s -> Map.of("code", s.code(), "title", s.title())).toList()))
                .toList());
        int columns = found.blocs().stream().mapToInt(bloc -> bloc.skills().size()).sum();
        model.put("hasColumns", columns > 0);
        model.put("hasStudents", !found.students().isEmpty());
        // one cell per distinct mastery, shared by the rows: a class of 300 has 18,900 cells and a few distinct ones
        Map<ProgressTree.SkillMastery, Map<String, Object>> cells = new HashMap<>();
        model.put("students", found.students().stream().map(row -> {
            Map<String, Object> line = new HashMap<>();
            line.put("userId", row.student().userId());
            line.put("name", row.student().name());
            line.put("inactive", !row.student().active());
            line.put("status", row.student().active() ? "" : t.get("progress_status_" + row.student().status()));
            line.put("cells", row.masteries().values().stream().map(m -> cells.computeIfAbsent(m,
                    mastery -> cell(mastery, found.scale(), shorts, t, locale))).toList());
            long proficient = row.masteries().values().stream().filter(ProgressTree.SkillMastery::proficient).count();
            line.put("proficient", proficient + " / " + columns);
            return line;
        }).toList());
        return html(pages.render("progress-overview", locale, model));
    }

    @GET
    @Path("overview.csv")
    @LtiSession(CourseRole.TEACHER)
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "Progression de la classe en tableur (CSV, séparateur point-virgule)")
    public Response overviewCsv() {
        Locale locale = current.language();
        Progress.ClassProgress found = progress.exportOfCourse(current.courseId(), current.userId(), locale);
        String file = "progression-" + found.course().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "")
                + ".csv";
        return Response.ok(ClassGridCsv.of(found, pages.texts(locale)))
                .header("Content-Disposition", "attachment; filename=\"progression.csv\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    private Map<String, Object> base(String course, Map<String, String> t, String rule) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("session", current.token());
        model.put("query", query());
        model.put("rule", t.get("gradebook_mastery_" + rule));
        return model;
    }

    private Map<String, Object> bloc(ProgressTree.Bloc bloc, Map<String, String> t, Locale locale, String proficient) {
        ProgressTree.Counts counts = bloc.counts();
        Map<String, Object> model = new HashMap<>();
        model.put("code", bloc.code());
        model.put("title", bloc.title());
        model.put("assessed", counts.total() > 0);
        model.put("segments", List.of(
                segment("proficient", counts.proficient(), t.get("progress_chart_proficient").formatted(proficient)),
                segment("below", counts.below(), t.get("progress_chart_below").formatted(proficient)),
                segment("none", counts.notAssessed(), t.get("progress_chart_none")),
                segment("outside", counts.notInCourse(), t.get("progress_chart_not_in_course"))).stream()
                .filter(s -> (int) s.get("count") > 0).toList());
        model.put("summary", t.get("progress_chart_summary").formatted(counts.proficient(), counts.total(), proficient,
                counts.below(), counts.notAssessed()) + " " + t.get("progress_chart_not_in_course_summary")
                .formatted(counts.notInCourse(), counts.size()));
        model.put("blocTotals", t.get("progress_bloc_totals").formatted(counts.total(), counts.proficient(),
                proficient, counts.size()));
        model.put("competences", bloc.competences().stream().map(c -> skill(c, t, locale)).toList());
        return model;
    }

    private static Map<String, Object> segment(String kind, int count, String label) {
        return Map.of("kind", kind, "count", count, "label", label);
    }

    private Map<String, Object> skill(ProgressTree.Skill skill, Map<String, String> t, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("code", skill.code());
        model.put("title", skill.title());
        model.put("kind", skill.kind() == null ? "" : skill.kind().label(Language.isEnglish(locale)));
        model.put("assessed", skill.assessed());
        if (skill.assessed()) {
            ProgressTree.SkillMastery mastery = skill.mastery();
            model.put("levelClass", mastery.level() == null ? "none" : mastery.level().toString());
            model.put("label", mastery.assessed() ? mastery.label() : t.get("grid_not_assessed"));
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            model.put("positionings", skill.positionings().stream().map(p -> {
                Map<String, Object> line = new HashMap<>();
                line.put("activity", p.activity());
                line.put("levelClass", p.level() == null ? "none" : p.level().toString());
                line.put("label", p.level() == null ? t.get("grid_not_assessed") : p.label());
                line.put("date", p.at() == null ? "" : dates.format(p.at().atZoneSameInstant(ZONE)));
                line.put("datetime", p.at() == null ? "" : p.at().toString());
                return line;
            }).toList());
        }
        // a compétence shows open when it or one of its savoir-faire is assessed in the course
        model.put("open", skill.flatten().anyMatch(ProgressTree.Skill::assessed));
        model.put("children", skill.children().stream().map(child -> skill(child, t, locale)).toList());
        model.put("hasChildren", !skill.children().isEmpty());
        return model;
    }

    /** A cell of the class grid: a colour, a short text (the level's initial, or the mean's points) and the label. */
    private static Map<String, Object> cell(ProgressTree.SkillMastery mastery, Scale scale, Map<Integer, String> shorts,
            Map<String, String> t, Locale locale) {
        if (!mastery.assessed()) {
            return Map.of("levelClass", "none", "short", "—", "label", t.get("grid_not_assessed"));
        }
        boolean exact = mastery.level() != null
                && mastery.points().compareTo(BigDecimal.valueOf(scale.level(mastery.level()).points())) == 0;
        String points = mastery.points().stripTrailingZeros().toPlainString();
        return Map.of("levelClass", mastery.level() == null ? "none" : mastery.level().toString(),
                "short", exact ? shorts.get(mastery.level()) : Language.isEnglish(locale) ? points : points.replace('.', ','),
                "label", mastery.label());
    }

    /** The scale's levels with their colours and short forms, for the legends. */
    private static List<Map<String, Object>> legend(Scale scale) {
        Map<Integer, String> shorts = scale.abbreviations();
        return scale.levels().stream().map(level -> Map.<String, Object>of("value", level.value(), "label",
                level.label(), "short", shorts.get(level.value()))).toList();
    }

    private String query() {
        return LtiSessionFilter.PARAMETER + "=" + current.token() + (Language.isEnglish(current.language())
                ? "&lang=en" : "");
    }

    private static Response html(String page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
