package fr.competences.assessment;

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
import java.util.List;
import java.util.logging.Logger;

/** Each course's scale: the default until a teacher edits it. */
@ApplicationScoped
@Transactional
public class Scales {

    private static final Logger LOG = Logger.getLogger(Scales.class.getName());

    /** A course's scale and the version to send back with a change (0 = never edited). */
    public record CourseScaleView(Scale scale, int version) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Event<GradingChanged> gradingChanged;

    Clock clock = Clock.systemUTC();

    public Scale of(long courseId) {
        return view(courseId).scale();
    }

    public CourseScaleView view(long courseId) {
        CourseScale stored = em.find(CourseScale.class, courseId);
        return stored == null ? new CourseScaleView(Scale.DEFAULT, 0) : new CourseScaleView(stored.scale(), stored.version);
    }

    /** Replaces the course's scale; {@code expectedVersion} is the version the teacher saw (409 if it moved). */
    public CourseScaleView update(long courseId, Scale scale, int expectedVersion) {
        List<fr.competences.errors.ProblemException.Problem> problems = scale.problems();
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        CourseScale stored = em.find(CourseScale.class, courseId);
        int current = stored == null ? 0 : stored.version;
        if (current != expectedVersion) {
            throw Problems.staleScale();
        }
        if (stored == null) {
            stored = new CourseScale(courseId);
            stored.set(scale.normalized(), now());
            em.persist(stored);
        } else {
            stored.set(scale.normalized(), now());
        }
        try {
            em.flush();
        } catch (PersistenceException concurrentChange) {
            throw Problems.staleScale();
        }
        gradingChanged.fire(new GradingChanged(courseId, null));
        LOG.info("Échelle du cours " + courseId + " modifiée");
        return new CourseScaleView(stored.scale(), stored.version);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
