package fr.competences.assessment;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Students' positions in an activity: the grid (read in a constant number of queries), its atomic save with
 * optimistic locking per student row, the append-only history, students' self-assessment, and the course's current
 * levels that mastery is read from. Saving fires {@link PositionsChanged} and writes one audit line per student
 * changed inside the same transaction.
 */
@ApplicationScoped
@Transactional
public class Assessments {

    private static final Logger LOG = Logger.getLogger(Assessments.class.getName());
    static final int HISTORY_LIMIT = 500;

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Activities activities;

    @Inject
    Event<PositionsChanged> positionsChanged;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    /** Every row of the activity that has something (levels, comment or self-assessment), by student. */
    public Map<Long, SheetView> sheets(long courseId, long activityId) {
        activity(courseId, activityId);
        Map<Long, Map<String, Integer>> levelsBySheet = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Sheet.LEVELS_OF_ACTIVITY, Object[].class)
                .setParameter("activityId", activityId).getResultList()) {
            levelsBySheet.computeIfAbsent((Long) row[0], id -> new HashMap<>()).put((String) row[1], (Integer) row[2]);
        }
        Map<Long, Map<String, Integer>> self = new HashMap<>();
        for (SelfPosition position : em.createNamedQuery(SelfPosition.OF_ACTIVITY, SelfPosition.class)
                .setParameter("activityId", activityId).getResultList()) {
            self.computeIfAbsent(position.studentUserId, id -> new HashMap<>()).put(position.code, position.level);
        }
        Map<Long, SheetView> rows = new HashMap<>();
        for (Sheet sheet : em.createNamedQuery(Sheet.OF_ACTIVITY, Sheet.class)
                .setParameter("activityId", activityId).getResultList()) {
            rows.put(sheet.studentUserId, new SheetView(sheet.studentUserId, sheet.version,
                    levelsBySheet.getOrDefault(sheet.id, Map.of()), sheet.comment,
                    self.getOrDefault(sheet.studentUserId, Map.of())));
        }
        self.forEach((student, levels) -> rows.putIfAbsent(student, SheetView.empty(student, levels)));
        return rows;
    }

    /** One student's row (empty when nothing is saved yet). */
    public SheetView sheet(long courseId, long activityId, long studentUserId) {
        activity(courseId, activityId);
        Map<String, Integer> self = selfLevels(activityId, studentUserId);
        return findSheet(activityId, studentUserId)
                .map(sheet -> new SheetView(studentUserId, sheet.version, sheet.levels(), sheet.comment, self))
                .orElseGet(() -> SheetView.empty(studentUserId, self));
    }

    /**
     * Saves a grid's changes all or nothing. {@code courseStudents} are the students the caller knows in the course,
     * by user id, with the name teachers see. A row whose version moved since the teacher read it refuses the whole
     * save (409, each such student named).
     * Returns the saved rows with their new versions.
     */
    public List<SheetView> save(long courseId, long activityId, long teacherUserId, List<SheetUpdate> updates,
            Map<Long, String> courseStudents) {
        ActivityView activity = activity(courseId, activityId);
        var problems = Positioning.problems(updates, activity.skillCodes(), courseStudents.keySet());
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        Map<Long, Sheet> sheets = new HashMap<>();
        if (!updates.isEmpty()) {
            em.createNamedQuery(Sheet.OF_STUDENTS, Sheet.class).setParameter("activityId", activityId)
                    .setParameter("students", updates.stream().map(SheetUpdate::studentUserId).toList())
                    .getResultList().forEach(sheet -> sheets.put(sheet.studentUserId, sheet));
        }
        refuseStale(updates, sheets, courseStudents);
        OffsetDateTime now = now();
        Set<Long> changed = new LinkedHashSet<>();
        for (SheetUpdate update : updates) {
            Sheet sheet = sheets.get(update.studentUserId());
            Map<String, Integer> before = sheet == null ? Map.of() : sheet.levels();
            String comment = sheet == null ? null : sheet.comment;
            List<Positioning.Change> changes = Positioning.changes(before, comment, update);
            if (changes.isEmpty()) {
                continue;
            }
            boolean created = sheet == null;
            if (created) {
                sheet = new Sheet(activityId, update.studentUserId(), now);
                em.persist(sheet);
                sheets.put(update.studentUserId(), sheet);
            }
            boolean commentChanged = Positioning.commentChanged(comment, update);
            apply(sheet, update, changes, teacherUserId, now);
            audit.record(new AuditEvent.PositionsChanged(courseId, activityId, teacherUserId, update.studentUserId(),
                    changes.stream().map(Positioning.Change::code).filter(java.util.Objects::nonNull).toList(),
                    commentChanged));
            if (!created) {
                // levels live in another table: moving the version by hand makes every change of the row lock
                em.lock(sheet, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            changed.add(update.studentUserId());
        }
        try {
            em.flush();
        } catch (PersistenceException concurrentSave) {
            throw Problems.staleSheets(List.of());
        }
        if (!changed.isEmpty()) {
            positionsChanged.fire(new PositionsChanged(courseId, activityId, changed));
            LOG.info(() -> "Positionnements enregistrés : activité " + activityId + ", " + changed.size()
                    + " étudiant(s), par l’utilisateur " + teacherUserId);
        }
        return updates.stream().map(u -> sheets.get(u.studentUserId())).filter(java.util.Objects::nonNull)
                .map(s -> new SheetView(s.studentUserId, s.version, s.levels(), s.comment, Map.of())).toList();
    }

    /** The latest changes of the activity (at most {@value #HISTORY_LIMIT}), newest first; of one student if given. */
    public List<HistoryEntry> history(long courseId, long activityId, Optional<Long> studentUserId) {
        activity(courseId, activityId);
        var query = studentUserId.isPresent()
                ? em.createNamedQuery(PositionChange.OF_STUDENT, PositionChange.class)
                        .setParameter("studentUserId", studentUserId.get())
                : em.createNamedQuery(PositionChange.OF_ACTIVITY, PositionChange.class);
        return query.setParameter("activityId", activityId).setMaxResults(HISTORY_LIMIT).getResultList().stream()
                .map(PositionChange::entry).toList();
    }

    /** Replaces a student's self-assessment (code → level; null or absent = none). */
    public Map<String, Integer> saveSelfAssessment(long courseId, long activityId, long studentUserId,
            Map<String, Integer> levels) {
        ActivityView activity = activity(courseId, activityId);
        var problems = Positioning.problems(List.of(new SheetUpdate(studentUserId, 0, levels, null)),
                activity.skillCodes(), Set.of(studentUserId));
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        em.createNamedQuery(SelfPosition.OF_STUDENT, SelfPosition.class).setParameter("activityId", activityId)
                .setParameter("studentUserId", studentUserId).getResultList().forEach(em::remove);
        em.flush();
        OffsetDateTime now = now();
        levels.forEach((code, level) -> {
            if (level != null) {
                em.persist(new SelfPosition(activityId, studentUserId, code, level, now));
            }
        });
        return selfLevels(activityId, studentUserId);
    }

    /**
     * The current levels of a course's students across all its activities (of these students only, when some),
     * each with the time it was set: one query, whatever the number of activities and students. The time is kept
     * with the level ({@link Position}): read from the history, it cost a grouped query of the whole course's
     * history, and as a subquery per position seconds for a class of 300 (docs/performance.md).
     */
    public List<CoursePosition> positionsOfCourse(long courseId, Students students) {
        if (students.none()) {
            return List.of();
        }
        String only = students instanceof Students.Only some ? " and s.student_user_id in ("
                + some.userIds().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")" : "";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.student_user_id, s.activity_id, p.item_code, p.level, "
                + "p.changed_at from assessment_position p join assessment_sheet s on s.id = p.sheet_id "
                + "join assessment_activity a on a.id = s.activity_id where a.course_id = ?1" + only)
                .setParameter(1, courseId).getResultList();
        List<CoursePosition> positions = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            positions.add(new CoursePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    (String) row[2], ((Number) row[3]).intValue(), timestamp(row[4])));
        }
        return positions;
    }

    /** A timestamp read by a native query: H2 gives an OffsetDateTime, PostgreSQL's driver a java.sql.Timestamp. */
    private static OffsetDateTime timestamp(Object value) {
        return switch (value) {
            case OffsetDateTime time -> time;
            case java.sql.Timestamp time -> time.toInstant().atOffset(ZoneOffset.UTC);
            case java.time.Instant time -> time.atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("Horodatage inattendu : " + value.getClass());
        };
    }

    private void refuseStale(List<SheetUpdate> updates, Map<Long, Sheet> sheets, Map<Long, String> names) {
        List<Problem> stale = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            SheetUpdate update = updates.get(i);
            Sheet sheet = sheets.get(update.studentUserId());
            int current = sheet == null ? 0 : sheet.version;
            if (current != update.version()) {
                stale.add(new Problem("rows[" + i + "]",
                        LocalizedText.of(
                                names.get(update.studentUserId()) + " : modifié par un autre enseignant.",
                                names.get(update.studentUserId()) + ": changed by another teacher.")));
            }
        }
        if (!stale.isEmpty()) {
            throw Problems.staleSheets(stale);
        }
    }

    private void apply(Sheet sheet, SheetUpdate update, List<Positioning.Change> changes, long teacherUserId,
            OffsetDateTime now) {
        boolean commentChanged = Positioning.commentChanged(sheet.comment, update);
        String newComment = commentChanged ? Positioning.cleanComment(update.comment()) : sheet.comment;
        for (Positioning.Change change : changes) {
            if (change.code() != null) {
                sheet.position(change.code(), change.newLevel(), now);
            }
            em.persist(new PositionChange(sheet.activityId, sheet.studentUserId, change.code(), change.oldLevel(),
                    change.newLevel(), commentChanged ? newComment : null, teacherUserId, now));
        }
        sheet.changed(newComment, teacherUserId, now);
    }

    private ActivityView activity(long courseId, long activityId) {
        return activities.require(courseId, activityId);
    }

    private Optional<Sheet> findSheet(long activityId, long studentUserId) {
        return em.createNamedQuery(Sheet.OF_STUDENTS, Sheet.class).setParameter("activityId", activityId)
                .setParameter("students", List.of(studentUserId)).getResultStream().findFirst();
    }

    private Map<String, Integer> selfLevels(long activityId, long studentUserId) {
        return em.createNamedQuery(SelfPosition.OF_STUDENT, SelfPosition.class).setParameter("activityId", activityId)
                .setParameter("studentUserId", studentUserId).getResultStream()
                .collect(Collectors.toMap(p -> p.code, p -> p.level));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
