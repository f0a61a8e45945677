package fr.competences.audit.web;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.audit.Actor;
import fr.competences.audit.AuditAction;
import fr.competences.audit.AuditLine;
import fr.competences.audit.AuditLog;
import fr.competences.audit.AuditSettings;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A course's log as its teachers read it, page and JSON alike: the lines of the course (never another's), newest
 * first, with the names of the people and activities they mention (read now, so a renamed or erased user shows as
 * they are now) and a sentence for each. Filters: a student (the lines about them), an activity, an action, dates.
 */
@ApplicationScoped
@Transactional
public class CourseLog {

    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    /** What the teacher asks for; every criterion optional. */
    public record Criteria(Long student, Long activity, AuditAction action, Instant from, Instant to,
            AuditLog.Page page) {
    }

    /** A person a line mentions: a user of the course (id, name, role), or the tool, the administrator, a platform. */
    public record Who(Actor kind, Long userId, String name, String role) {
    }

    public record Choice(long id, String label) {
    }

    /** {@code what}: the action in words; {@code history}: for a positioning, where its changes are listed (JSON). */
    public record Entry(long id, Instant at, AuditAction action, String what, Who who, Who about, Choice activity,
            String details, String outcome, String history) {
    }

    /**
     * One page of the log, with what the filters offer (the course's students and activities); {@code retention}: how
     * long a line is kept, ISO-8601.
     */
    public record Journal(long courseId, String course, String retention, List<Entry> entries, int page, int size,
            boolean hasMore, List<Choice> students, List<Choice> activities) {
    }

    @Inject
    AuditLog log;

    @Inject
    AuditSettings settings;

    @Inject
    CourseMembers members;

    @Inject
    Activities activities;

    @Inject
    Pages pages;

    public Journal of(long courseId, Criteria criteria, Locale locale) {
        boolean english = Language.isEnglish(locale);
        Map<String, String> t = pages.texts(locale);
        CourseMembers.Overview overview = members.overview(courseId).orElseThrow();
        Map<Long, String> names = new HashMap<>();
        overview.members().forEach(m -> names.put(m.user().id(), m.user().displayName(english)));
        List<ActivityView> ofCourse = activities.ofCourse(courseId);
        Map<Long, String> titles = new HashMap<>();
        ofCourse.forEach(a -> titles.put(a.id(), a.title()));
        AuditLog.Lines lines = log.find(new AuditLog.Filter(courseId, null, criteria.activity(), criteria.student(),
                null, criteria.action(), criteria.from(), criteria.to()), criteria.page());
        Collator collator = Collator.getInstance(Locale.FRENCH);
        List<Choice> students = overview.members().stream()
                .filter(m -> m.role().orElse(null) == CourseRole.STUDENT).map(CourseMember::user)
                .map(u -> new Choice(u.id(), u.displayName(english)))
                .sorted(Comparator.comparing(Choice::label, collator)).toList();
        return new Journal(courseId, overview.course().displayTitle(), settings.retentionText(),
                lines.lines().stream().map(line -> entry(line, names, titles, t, english)).toList(), lines.page(),
                lines.size(), lines.hasMore(), students,
                ofCourse.stream().map(a -> new Choice(a.id(), a.title())).toList());
    }

    private static Entry entry(AuditLine line, Map<Long, String> names, Map<Long, String> titles, Map<String, String> t,
            boolean english) {
        Who who = line.actor() == Actor.USER
                ? new Who(Actor.USER, line.actorUserId(), name(names, line.actorUserId(), english),
                        t.get("audit_role_" + line.actorRole()))
                : new Who(line.actor(), null, t.get("audit_actor_" + line.actor()), null);
        Who about = line.subjectUserId() == null ? null
                : new Who(Actor.USER, line.subjectUserId(), name(names, line.subjectUserId(), english), null);
        Choice activity = line.activityId() == null ? null : new Choice(line.activityId(),
                titles.getOrDefault(line.activityId(), (english ? "Activity #" : "Activité n°") + line.activityId()));
        String history = line.action() == AuditAction.POSITIONS_CHANGED && line.activityId() != null
                ? "/api/activities/" + line.activityId() + "/grid/history?student=" + line.subjectUserId() : null;
        return new Entry(line.id(), line.at(), line.action(), t.get("audit_action_" + line.action()), who, about,
                activity, Sentences.details(line, t), line.outcome(), history);
    }

    private static String name(Map<Long, String> names, Long userId, boolean english) {
        return names.getOrDefault(userId, (english ? "User #" : "Utilisateur n°") + userId);
    }
}
