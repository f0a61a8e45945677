package fr.competences.audit.web;

import fr.competences.audit.AuditAction;
import fr.competences.lti.course.CourseRole;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The course's log page (« Journal du cours »), linked from the course page: a filter form (student, activity,
 * action, dates; a plain GET form, no script) and a table of lines, 50 a page, newest first, each positioning change
 * linked to the activity's history. Teachers of the course only.
 */
@ApplicationScoped
@Path("course/audit")
@LtiSession(CourseRole.TEACHER)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CourseLogPage {

    @Inject
    CurrentLaunch current;

    @Inject
    CourseLog log;

    @Inject
    Pages pages;

    @GET
    // Documented rather than hidden: Payara logs a SEVERE error for the parameters of a hidden operation.
    @Operation(summary = "Page « Journal du cours » (enseignants), mêmes filtres que /api/audit")
    public Response page(@Parameter(description = "étudiant") @QueryParam("student") Long student,
            @Parameter(description = "activité") @QueryParam("activity") Long activity,
            @Parameter(description = "action") @QueryParam("action") String action,
            @Parameter(description = "à partir du jour") @QueryParam("from") String from,
            @Parameter(description = "jusqu’au jour inclus") @QueryParam("to") String to,
            @Parameter(description = "page") @QueryParam("page") Integer page) {
        Locale locale = current.language();
        Map<String, String> t = pages.texts(locale);
        AuditAction chosen = LogQuery.action(action, true);
        CourseLog.Journal journal = log.of(current.courseId(), new CourseLog.Criteria(student, activity, chosen,
                LogQuery.from(from), LogQuery.to(to), LogQuery.page(page, null, CourseLog.PAGE_SIZE,
                        CourseLog.PAGE_SIZE)), locale);
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "student", student);
        put(filters, "activity", activity);
        put(filters, "action", chosen == null ? null : chosen.name());
        put(filters, "from", from);
        put(filters, "to", to);
        Map<String, Object> model = new HashMap<>();
        model.put("course", journal.course());
        model.put("session", current.token());
        model.put("query", query());
        model.put("lead", t.get("audit_lead").formatted(Sentences.retention(journal.retention(), t)));
        model.put("students", options(journal.students(), student));
        model.put("activities", options(journal.activities(), activity));
        model.put("actions", Arrays.stream(AuditAction.values()).filter(AuditAction::inCourse)
                .map(a -> option(a.name(), t.get("audit_action_" + a), a == chosen)).toList());
        model.put("from", from == null ? "" : from.strip());
        model.put("to", to == null ? "" : to.strip());
        model.put("filtered", !filters.isEmpty());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(LogQuery.ZONE);
        model.put("entries", journal.entries().stream().map(entry -> line(entry, dates)).toList());
        model.put("hasEntries", !journal.entries().isEmpty());
        model.put("page", t.get("audit_page").formatted(journal.page()));
        if (journal.page() > 1) {
            model.put("newer", "/course/audit?" + query() + pageQuery(filters, journal.page() - 1));
        }
        if (journal.hasMore()) {
            model.put("older", "/course/audit?" + query() + pageQuery(filters, journal.page() + 1));
        }
        model.put("pageQuery", pageQuery(filters, journal.page()).replaceFirst("^&", ""));
        return Response.ok(pages.render("course-log", locale, model), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static Map<String, Object> line(CourseLog.Entry entry, DateTimeFormatter dates) {
        Map<String, Object> line = new HashMap<>();
        line.put("date", dates.format(entry.at()));
        line.put("datetime", entry.at().toString());
        line.put("who", entry.who().name());
        line.put("role", entry.who().role());
        line.put("what", entry.what());
        line.put("about", entry.about() == null ? "" : entry.about().name());
        line.put("activity", entry.activity() == null ? "" : entry.activity().label());
        line.put("details", entry.details());
        if (entry.history() != null) {
            line.put("historyOf", entry.activity().id());
        }
        return line;
    }

    private static List<Map<String, Object>> options(List<CourseLog.Choice> choices, Long selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        choices.forEach(c -> options.add(option(Long.toString(c.id()), c.label(), Objects.equals(selected, c.id()))));
        return options;
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        return Map.of("value", value, "label", label, "selected", selected);
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            filters.put(name, value.toString().strip());
        }
    }

    /** The filters and a page number, for the paging links and the language switch. */
    private static String pageQuery(Map<String, String> filters, int page) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> query.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.append("&page=").append(page).toString();
    }

    private String query() {
        return LtiSessionFilter.PARAMETER + "=" + current.token()
                + (Language.isEnglish(current.language()) ? "&lang=en" : "");
    }
}
