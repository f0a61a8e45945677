package fr.competences.assessment;

import fr.competences.errors.ProblemException;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A course's activities: create (deep linking), edit, read, and the resource links that open them. Every method
 * takes the caller's course: an activity of another course is simply not found.
 */
@ApplicationScoped
@Transactional
public class Activities {

    private static final Logger LOG = Logger.getLogger(Activities.class.getName());

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Referentiels referentiels;

    @Inject
    Event<GradingChanged> gradingChanged;

    Clock clock = Clock.systemUTC();

    public ActivityView create(long courseId, long teacherUserId, ActivityDraft draft) {
        return store(courseId, teacherUserId, validated(draft));
    }

    private ActivityView store(long courseId, long teacherUserId, ActivityDraft valid) {
        Activity activity = new Activity(courseId, teacherUserId, now());
        activity.set(valid, now());
        em.persist(activity);
        em.flush();
        LOG.info(() -> "Activité " + activity.id + " créée dans le cours " + courseId + " : " + valid.skills().size()
                + " compétence(s)");
        return view(activity);
    }

    /**
     * Creates several activities all or nothing (one deep linking answer); problems are located as
     * {@code activities[i].field}.
     */
    public List<ActivityView> createAll(long courseId, long teacherUserId, List<ActivityDraft> drafts) {
        List<ProblemException.Problem> problems = new java.util.ArrayList<>();
        List<ActivityDraft> valid = new java.util.ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ActivityDraft normalized = drafts.get(i).normalized();
            String prefix = "activities[" + i + "].";
            normalized.problems(referentiels.tree(normalized.referentielCode())).forEach(problem -> problems.add(
                    new ProblemException.Problem(prefix + problem.location(), problem.message())));
            valid.add(normalized);
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return valid.stream().map(draft -> store(courseId, teacherUserId, draft)).toList();
    }

    /** Replaces title, instructions, skills and maximum grade; 409 when someone saved since {@code expectedVersion}. */
    public ActivityView update(long courseId, long activityId, ActivityDraft draft, int expectedVersion) {
        Activity activity = entity(courseId, activityId).orElseThrow(() -> Problems.activityNotFound(activityId));
        if (activity.version != expectedVersion) {
            throw Problems.staleActivity();
        }
        activity.set(validated(draft), now());
        try {
            em.flush();
        } catch (PersistenceException concurrentEdit) {
            throw Problems.staleActivity();
        }
        gradingChanged.fire(new GradingChanged(courseId, activityId));
        LOG.info(() -> "Activité " + activityId + " modifiée");
        return view(activity);
    }

    public Optional<ActivityView> find(long courseId, long activityId) {
        return entity(courseId, activityId).map(this::view);
    }

    public List<ActivityView> ofCourse(long courseId) {
        List<Activity> activities = em.createNamedQuery(Activity.OF_COURSE, Activity.class)
                .setParameter("courseId", courseId).getResultList();
        Map<String, Optional<ReferentielTree>> trees = new HashMap<>();
        return activities.stream().map(a -> view(a, trees.computeIfAbsent(a.referentielCode, referentiels::tree)))
                .toList();
    }

    /** An activity of the course, or a 404 telling the user to launch the tool again from the Moodle activity. */
    public ActivityView require(long courseId, long activityId) {
        return find(courseId, activityId).orElseThrow(() -> Problems.activityNotFound(activityId));
    }

    /** The activity a resource link (row id) of this course opens, if it is attached to one. */
    public Optional<ActivityView> forLink(long courseId, long resourceLinkId) {
        return Optional.ofNullable(em.find(ActivityLink.class, resourceLinkId))
                .flatMap(link -> find(courseId, link.activityId));
    }

    /** The resource links (ids of {@code lti_resource_link}) that open an activity: where its grades go. */
    public List<Long> links(long activityId) {
        return em.createNamedQuery(ActivityLink.OF_ACTIVITY, Long.class).setParameter("activityId", activityId)
                .getResultList();
    }

    /** The resource links (ids of {@code lti_resource_link}) of the course that open one of its activities, in one query. */
    public Set<Long> attachedLinks(long courseId) {
        return Set.copyOf(em.createNamedQuery(ActivityLink.OF_COURSE, Long.class).setParameter("courseId", courseId)
                .getResultList());
    }

    /** Makes a resource link of the course open this activity (first launch after deep linking, or a restore). */
    public ActivityView attach(long courseId, long activityId, long resourceLinkId) {
        Activity activity = entity(courseId, activityId).orElseThrow(() -> Problems.activityNotFound(activityId));
        ActivityLink link = em.find(ActivityLink.class, resourceLinkId);
        if (link == null) {
            em.persist(new ActivityLink(resourceLinkId, activityId));
        } else {
            link.opens(activityId);
        }
        em.flush();
        // its grades now have a gradebook column: those positioned before the link was known are sent (issue 14)
        gradingChanged.fire(new GradingChanged(courseId, activityId));
        LOG.info(() -> "Lien " + resourceLinkId + " rattaché à l’activité " + activityId);
        return view(activity);
    }

    /**
     * A course copy (Moodle backup/restore into another course): the copied resource link carries the original
     * activity id. The copy gets its own activity in its own course (same skills, no positions) and the link opens it.
     * The caller checks that both courses belong to the same platform.
     */
    public ActivityView copyInto(long courseId, long teacherUserId, long sourceActivityId, long resourceLinkId) {
        Activity source = em.find(Activity.class, sourceActivityId);
        if (source == null) {
            throw Problems.activityNotFound(sourceActivityId);
        }
        ActivityView copy = create(courseId, teacherUserId, source.draft());
        attach(courseId, copy.id(), resourceLinkId);
        LOG.info(() -> "Activité " + sourceActivityId + " copiée dans le cours " + courseId + " : " + copy.id());
        return copy;
    }

    /** The course of an activity, whichever it is (course copies look their source up with it). */
    public Optional<Long> courseOf(long activityId) {
        return Optional.ofNullable(em.find(Activity.class, activityId)).map(a -> a.courseId);
    }

    Optional<Activity> entity(long courseId, long activityId) {
        return Optional.ofNullable(em.find(Activity.class, activityId)).filter(a -> a.courseId == courseId);
    }

    ActivityView view(Activity activity) {
        return view(activity, referentiels.tree(activity.referentielCode));
    }

    private ActivityDraft validated(ActivityDraft draft) {
        ActivityDraft normalized = draft.normalized();
        List<ProblemException.Problem> problems = normalized.problems(referentiels.tree(normalized.referentielCode()));
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return normalized;
    }

    private static ActivityView view(Activity activity, Optional<ReferentielTree> tree) {
        List<ActivityView.Skill> skills = activity.skills.stream().map(skill -> {
            Optional<ReferentielTree.Item> item = tree.flatMap(t -> t.find(skill.code));
            return new ActivityView.Skill(skill.code, item.map(ReferentielTree.Item::title).orElse(skill.code),
                    item.map(ReferentielTree.Item::kind).orElse(null), skill.weight);
        }).toList();
        return new ActivityView(activity.id, activity.courseId, activity.referentielCode, activity.title,
                activity.instructions, activity.scoreMaximum, skills, activity.version);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
