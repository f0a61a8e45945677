package fr.competences.privacy;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.lti.session.SessionRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The database half of erasing: a user (their rows as a student; their identity, deleted when no row names them any
 * more, pseudonymised otherwise) or a whole course, each in one transaction with its audit line. Evidence files are
 * not touched here: the caller removes them once the transaction has committed, so that a rollback never leaves rows
 * without files.
 */
@ApplicationScoped
@Transactional
class Erasure {

    /** Pseudonymised users keep their row under a subject no platform sends: a new launch is a new person. */
    static final String ERASED_SUBJECT = "erased:";

    /** What a user's erasure did: rows per kind, the evidence files to remove, and the fate of the user row. */
    record UserErased(Map<String, Integer> erased, int historyPseudonymised, String user, List<StoredFile> files) {
    }

    /** A course's erasure: rows per table, its former members, the files to remove. */
    record CourseErased(Map<String, Integer> erased, List<Long> members, List<StoredFile> files) {
    }

    /** An evidence file to remove after the commit. */
    record StoredFile(long evidenceId, String storageName) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    SessionRevocations revocations;

    @Inject
    Audit audit;

    /**
     * Erases a user's data as a student (evidence, positions and comments, self-assessment, grades queued or sent
     * and their delivery log, memberships) and their name; the history of their levels stays, without comments,
     * under a pseudonym, so that what happened in the class still adds up. Their open sessions on the platform end
     * (with this commit), and the audit trail says what went.
     */
    UserErased eraseUser(long platformId, long userId) {
        UserErased erased = erase(userId);
        revocations.revoke(platformId, userId, List.of());
        audit.record(new AuditEvent.UserErased(userId, erased.erased() + ", historyPseudonymised="
                + erased.historyPseudonymised() + ", user=" + erased.user()));
        return erased;
    }

    /** Erases a user the retention left with no course (the course's own audit line counts them). */
    UserErased eraseLoneUser(long userId) {
        return erase(userId);
    }

    private UserErased erase(long userId) {
        // The grade worker records an outcome under a lock on its row: taking them first, it waits, then finds none.
        em.createNativeQuery("select id from gb_score_sync where user_id = ?1 for update").setParameter(1, userId)
                .getResultList();
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("pendingGradesCancelled", count("select count(*) from gb_score_sync where user_id = ?1 "
                + "and status = 'PENDING'", userId));
        erased.put("gradeDeliveries", update("delete from gb_delivery where sync_id in "
                + "(select id from gb_score_sync where user_id = ?1)", userId));
        erased.put("gradeRecords", update("delete from gb_score_sync where user_id = ?1", userId));
        List<StoredFile> files = files("select id, storage_name from evidence where student_user_id = ?1 "
                + "and storage_name is not null", userId);
        erased.put("evidenceFiles", files.size());
        erased.put("evidence", update("delete from evidence where student_user_id = ?1", userId));
        erased.put("selfAssessments", update("delete from assessment_self_position where student_user_id = ?1",
                userId));
        erased.put("positions", update("delete from assessment_position where sheet_id in "
                + "(select id from assessment_sheet where student_user_id = ?1)", userId));
        erased.put("teacherComments", count("select count(*) from assessment_sheet where student_user_id = ?1 "
                + "and teacher_comment is not null", userId));
        erased.put("sheets", update("delete from assessment_sheet where student_user_id = ?1", userId));
        erased.put("rosterEntries", update("delete from gb_roster_member where user_id = ?1", userId));
        erased.put("memberships", update("delete from lti_course_member where user_id = ?1", userId));
        int history = update("update assessment_history set teacher_comment = null where student_user_id = ?1",
                userId);
        return new UserErased(erased, history, forget(userId), files);
    }

    /**
     * Erases a course and everything in it, if it still has not been launched since {@code cutoff} (a launch may
     * have come since it was listed); its members' user rows are the caller's next step.
     */
    Optional<CourseErased> eraseCourse(long courseId, OffsetDateTime cutoff, String retention, boolean byAdmin) {
        // The course row locked first: a launch that would add a member waits, then finds no course.
        if (em.createNativeQuery("select c.id from lti_course c where c.id = ?1 and " + RetentionStore.LAST_LAUNCH
                + " < ?2 for update").setParameter(1, courseId).setParameter(2, cutoff).getResultList().isEmpty()) {
            return Optional.empty();
        }
        em.createNativeQuery("select id from gb_score_sync where course_id = ?1 for update").setParameter(1, courseId)
                .getResultList();
        List<StoredFile> files = files("select e.id, e.storage_name from evidence e join assessment_activity a "
                + "on a.id = e.activity_id where a.course_id = ?1 and e.storage_name is not null", courseId);
        @SuppressWarnings("unchecked")
        List<Number> members = em.createNativeQuery("select user_id from lti_course_member where course_id = ?1")
                .setParameter(1, courseId).getResultList();
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (PersonalTables.Purge purge : PersonalTables.COURSE) {
            erased.merge(purge.table(), update(purge.delete(), courseId), Integer::sum);
        }
        audit.record(new AuditEvent.CourseErased(courseId, retention, erased.toString(), byAdmin));
        return Optional.of(new CourseErased(erased, members.stream().map(Number::longValue).toList(), files));
    }

    /** Whether the user is still a member of any course. */
    boolean hasCourse(long userId) {
        return count("select count(*) from lti_course_member where user_id = ?1", userId) > 0;
    }

    /** The user's row: deleted when nothing names them any more, else stripped of name, email and subject. */
    private String forget(long userId) {
        int references = 0;
        for (String reference : PersonalTables.USER_REFERENCES) {
            String[] column = reference.split("\\.");
            references += count("select count(*) from " + column[0] + " where " + column[1] + " = ?1", userId);
        }
        if (references == 0) {
            update("delete from lti_user where id = ?1", userId);
            return "DELETED";
        }
        em.createNativeQuery("update lti_user set name = null, given_name = null, family_name = null, email = null, "
                + "subject = ?1 where id = ?2").setParameter(1, ERASED_SUBJECT + UUID.randomUUID())
                .setParameter(2, userId).executeUpdate();
        return "PSEUDONYMISED";
    }

    private List<StoredFile> files(String sql, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        List<StoredFile> files = new ArrayList<>();
        rows.forEach(row -> files.add(new StoredFile(((Number) row[0]).longValue(), (String) row[1])));
        return files;
    }

    private int count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).intValue();
    }

    private int update(String sql, long id) {
        return em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }
}
