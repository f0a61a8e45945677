package fr.competences.lti.roster;

import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.course.CourseServices;
import fr.competences.lti.nrps.Memberships;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills a course's members from the platform's roster (NRPS), so that students who never launched the tool appear
 * in the grids. Members who left are marked Inactive or Deleted, never removed: their positions stay. Runs when a
 * teacher opens the course (at most every {@link #TEACHER_LAUNCH_INTERVAL}), before a page lists the course's
 * students ({@link #beforeListing}: at once when the course has no roster yet) and on demand; a platform without NRPS
 * for the course (no {@code context_memberships_url}) is reported, not an error.
 */
@ApplicationScoped
public class RosterRefresh {

    private static final Logger LOG = Logger.getLogger(RosterRefresh.class.getName());
    static final Duration TEACHER_LAUNCH_INTERVAL = Duration.ofMinutes(10);
    static final Duration FIRST_READ_RETRY = Duration.ofMinutes(1);

    @Inject
    Memberships memberships;

    @Inject
    Registrations registrations;

    @Inject
    Roster roster;

    @Inject
    CourseServices courses;

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    private final Map<Long, Instant> lastRefresh = new ConcurrentHashMap<>();

    /** When a read was last tried for a course with no roster yet: a failing platform is not asked at every page. */
    private final Map<Long, Instant> lastFirstRead = new ConcurrentHashMap<>();

    /** What a page listing students says about the roster: {@code offered} false when the platform gives none. */
    public record Availability(boolean offered, String problem) {
    }

    /**
     * Before a page lists the course's students. A course whose roster was never read (a deep-linked activity opened
     * before the course page) gets it now, so that the first grid shows the whole class; one read is stale after
     * {@link #TEACHER_LAUNCH_INTERVAL} and then refreshed in the background. Concurrent first opens of a course on
     * this instance wait for one read.
     */
    public Availability beforeListing(long courseId) {
        if (courses.of(courseId).membershipsUrl() == null) {
            return new Availability(false, null);
        }
        if (!roster.statuses(courseId).isEmpty()) {
            refreshSoon(courseId);
            return new Availability(true, null);
        }
        synchronized (firstReadLock(courseId)) {
            Instant now = clock.instant();
            Instant tried = lastFirstRead.get(courseId);
            if (!roster.statuses(courseId).isEmpty()
                    || tried != null && tried.plus(FIRST_READ_RETRY).isAfter(now)) {
                return new Availability(true, null);
            }
            lastFirstRead.put(courseId, now);
            try {
                Roster.Outcome outcome = refresh(courseId);
                return new Availability(outcome.offered(), outcome.problem());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Liste des membres du cours " + courseId + " non lue", e);
                return new Availability(true, e.getClass().getSimpleName());
            }
        }
    }

    private final Map<Long, Object> firstReadLocks = new ConcurrentHashMap<>();

    private Object firstReadLock(long courseId) {
        return firstReadLocks.computeIfAbsent(courseId, id -> new Object());
    }

    /** After a teacher's launch: refreshes in the background unless done recently. */
    public void refreshSoon(long courseId) {
        Instant now = clock.instant();
        Instant previous = lastRefresh.get(courseId);
        if (previous == null || previous.plus(TEACHER_LAUNCH_INTERVAL).isBefore(now)) {
            lastRefresh.put(courseId, now);
            executor.execute(() -> {
                try {
                    refresh(courseId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Liste des membres du cours " + courseId + " non lue", e);
                }
            });
        }
    }

    /** Reads the roster now (outside any transaction: the platform may be slow) and stores it. */
    public Roster.Outcome refresh(long courseId) {
        CourseServices.Endpoints endpoints = courses.of(courseId);
        RegisteredPlatform platform = registrations.find(endpoints.platformId()).orElseThrow();
        if (endpoints.membershipsUrl() == null) {
            return new Roster.Outcome(false, 0, 0, 0, null);
        }
        List<Memberships.Member> members;
        try {
            members = memberships.list(platform, endpoints.membershipsUrl());
        } catch (ServiceException refused) {
            LOG.warning(() -> "NRPS refusé pour le cours " + courseId + " : HTTP " + refused.status());
            return new Roster.Outcome(true, 0, 0, 0, "HTTP " + refused.status() + " " + refused.platformMessage());
        }
        lastRefresh.put(courseId, clock.instant());
        return roster.store(courseId, platform.issuer(), members);
    }
}
