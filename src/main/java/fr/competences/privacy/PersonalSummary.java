package fr.competences.privacy;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The export's {@code summary.html}: the same rows as {@code data.json}, for a person to read (French or English):
 * who the tool knows, and per course and activity the levels, comments, self-assessment, evidence, history and
 * grades sent. A standalone page (styles inside, no script), opened from the archive.
 */
@ApplicationScoped
class PersonalSummary {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Pages pages;

    @Inject
    Scales scales;

    @Inject
    Activities activities;

    String render(PersonalRecord record, Set<Long> missing, Locale locale) {
        Map<String, String> t = pages.texts(locale);
        boolean english = Language.isEnglish(locale);
        Map<String, Object> user = record.user();
        Map<String, Object> model = new HashMap<>();
        model.put("name", name(user, english));
        model.put("subject", user.get("subject"));
        model.put("issuer", user.get("issuer"));
        model.put("email", user.get("email"));
        model.put("lastLaunch", when(user.get("last_launch_at")));
        model.put("exportedAt", when(record.readAt()));
        model.put("oneCourse", record.courseId() != null);
        Map<Long, String> authors = record.contextRows("authors").stream()
                .collect(Collectors.toMap(PersonalSummary::id, row -> name(row, english)));
        model.put("courses", record.contextRows("lti_course").stream()
                .map(course -> course(record, course, authors, missing, t, english)).toList());
        return pages.render("privacy-summary", locale, model);
    }

    /** The list under {@code key}, and {@code flag} saying whether it has anything (for its heading). */
    private static void list(Map<String, Object> model, String key, String flag, List<?> items) {
        model.put(key, items);
        model.put(flag, !items.isEmpty());
    }

    private Map<String, Object> course(PersonalRecord record, Map<String, Object> course, Map<Long, String> authors,
            Set<Long> missing, Map<String, String> t, boolean english) {
        long courseId = id(course);
        Scale scale = scales.of(courseId).in(english ? Language.ENGLISH : Language.FRENCH);
        Map<String, Object> model = new HashMap<>();
        model.put("title", Objects.requireNonNullElse(course.get("title"), course.get("context_id")));
        model.put("platform", course.get("platform"));
        inCourse(record.rows("lti_course_member"), courseId).findFirst().ifPresent(member -> {
            list(model, "roles", "hasRoles", roles((String) member.get("platform_roles")));
            model.put("memberLastLaunch", when(member.get("last_launch_at")));
        });
        inCourse(record.rows("gb_roster_member"), courseId).findFirst()
                .ifPresent(roster -> model.put("rosterStatus", roster.get("status")));
        model.put("activities", record.contextRows("assessment_activity").stream()
                .filter(activity -> id(activity, "course_id") == courseId)
                .map(activity -> activity(record, activity, scale, authors, missing, t)).toList());
        Map<Long, Map<String, Object>> columns = record.contextRows("gb_competency_column").stream()
                .collect(Collectors.toMap(PersonalSummary::id, Function.identity()));
        list(model, "columnGrades", "hasColumnGrades", inCourse(record.rows("gb_score_sync"), courseId)
                .filter(score -> score.get("column_id") != null)
                .map(score -> grade(score, (String) columns.getOrDefault(id(score, "column_id"), Map.of())
                        .get("label"), t)).toList());
        return model;
    }

    private Map<String, Object> activity(PersonalRecord record, Map<String, Object> activity, Scale scale,
            Map<Long, String> authors, Set<Long> missing, Map<String, String> t) {
        long activityId = id(activity);
        Map<String, String> titles = activities.find(id(activity, "course_id"), activityId)
                .<Map<String, String>>map(view -> view.skills().stream().collect(Collectors.toMap(
                        ActivityView.Skill::code, ActivityView.Skill::title, (a, b) -> a)))
                .orElse(Map.of());
        Map<String, Object> model = new HashMap<>();
        model.put("title", activity.get("title"));
        Map<String, Object> sheet = ofActivity(record.rows("assessment_sheet"), activityId).findFirst().orElse(null);
        if (sheet != null) {
            model.put("teacherComment", sheet.get("teacher_comment"));
            long sheetId = id(sheet);
            list(model, "levels", "hasLevels", record.rows("assessment_position").stream()
                    .filter(position -> id(position, "sheet_id") == sheetId)
                    .map(position -> skill(position, titles, scale)).toList());
        }
        list(model, "selfLevels", "hasSelf", ofActivity(record.rows("assessment_self_position"), activityId)
                .map(position -> skill(position, titles, scale)).toList());
        list(model, "evidence", "hasEvidence", ofActivity(record.rows("evidence"), activityId)
                .map(evidence -> evidence(evidence, missing, t)).toList());
        list(model, "history", "hasHistory", ofActivity(record.rows("assessment_history"), activityId)
                .map(change -> change(change, scale, authors, t)).toList());
        list(model, "grades", "hasGrades", ofActivity(record.rows("gb_score_sync"), activityId)
                .map(score -> grade(score, null, t)).toList());
        return model;
    }

    private static Map<String, Object> skill(Map<String, Object> position, Map<String, String> titles, Scale scale) {
        String code = (String) position.get("item_code");
        return Map.of("code", code, "title", titles.getOrDefault(code, ""),
                "level", scale.level(((Number) position.get("level")).intValue()).label());
    }

    private static Map<String, Object> evidence(Map<String, Object> evidence, Set<Long> missing,
            Map<String, String> t) {
        Map<String, Object> model = new HashMap<>();
        model.put("when", when(evidence.get("created_at")));
        model.put("text", evidence.get("body"));
        model.put("url", evidence.get("url"));
        model.put("fileName", evidence.get("file_name"));
        model.put("entry", evidence.get("zip_entry"));
        model.put("missing", missing.contains(id(evidence)));
        model.put("size", evidence.get("size_bytes"));
        return model;
    }

    private static Map<String, Object> change(Map<String, Object> change, Scale scale, Map<Long, String> authors,
            Map<String, String> t) {
        Map<String, Object> model = new HashMap<>();
        model.put("when", when(change.get("changed_at")));
        model.put("code", change.get("item_code") == null ? t.get("privacy_summary_comment_only")
                : change.get("item_code"));
        model.put("from", level(change.get("old_level"), scale, t));
        model.put("to", level(change.get("new_level"), scale, t));
        model.put("note", change.get("teacher_comment"));
        model.put("by", authors.getOrDefault(id(change, "changed_by"), "n°" + change.get("changed_by")));
        return model;
    }

    private static Map<String, Object> grade(Map<String, Object> score, String column, Map<String, String> t) {
        Map<String, Object> model = new HashMap<>();
        model.put("column", column);
        model.put("score", score.get("score_given") == null ? "—" : score.get("score_given"));
        model.put("maximum", score.get("score_maximum"));
        model.put("status", t.get("gradebook_status_" + score.get("status")));
        model.put("message", score.get("last_message"));
        model.put("when", when(Objects.requireNonNullElse(score.get("synced_at"), score.get("updated_at"))));
        return model;
    }

    private static String level(Object level, Scale scale, Map<String, String> t) {
        return level == null ? t.get("grid_not_assessed") : scale.level(((Number) level).intValue()).label();
    }

    /** The platform's role names (the part after # of each LIS role). */
    private static List<String> roles(String platformRoles) {
        List<String> names = new ArrayList<>();
        for (String role : platformRoles == null ? new String[0] : platformRoles.split(" ")) {
            if (!role.isBlank()) {
                names.add(role.substring(role.lastIndexOf('#') + 1));
            }
        }
        return names;
    }

    private static java.util.stream.Stream<Map<String, Object>> inCourse(List<Map<String, Object>> rows, long id) {
        return rows.stream().filter(row -> id(row, "course_id") == id);
    }

    private static java.util.stream.Stream<Map<String, Object>> ofActivity(List<Map<String, Object>> rows, long id) {
        return rows.stream().filter(row -> row.get("activity_id") != null && id(row, "activity_id") == id);
    }

    /** A user's name as the tool shows it (ToolUser.displayName): full name, else given and family names, else
     * a placeholder with the platform's id. */
    static String name(Map<String, Object> user, boolean english) {
        String full = (String) user.get("name");
        if (full != null && !full.isBlank()) {
            return full;
        }
        String parts = (Objects.toString(user.get("given_name"), "") + " "
                + Objects.toString(user.get("family_name"), "")).trim();
        String subject = Objects.toString(user.get("subject"), "");
        if (!parts.isEmpty()) {
            return parts;
        }
        if (subject.startsWith(Erasure.ERASED_SUBJECT)) {
            return english ? "Erased user" : "Personne effacée";
        }
        return (english ? "User " : "Utilisateur ") + subject;
    }

    private static String when(Object instant) {
        return instant instanceof Instant time ? WHEN.format(time) : "";
    }

    private static long id(Map<String, Object> row) {
        return id(row, "id");
    }

    private static long id(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Number number ? number.longValue() : -1;
    }
}
