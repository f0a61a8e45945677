package fr.competences.privacy;

import fr.competences.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The retention's short transactions: which courses have expired, and the job's row that every instance on the
 * database shares. Taking the job is one conditional update: of two instances trying at once, the second waits for
 * the first's row lock, then finds the job taken (or no longer due) and updates nothing; so one instance runs it.
 */
@ApplicationScoped
@Transactional
class RetentionStore {

    static final String JOB = "retention";

    /**
     * A course's last launch: the latest of its members' (kept to the hour), or its creation when nobody launched
     * it. Members the roster (NRPS) adds are added during a teacher's launch, so they date from one too.
     */
    static final String LAST_LAUNCH = "coalesce((select max(m.last_launch_at) from lti_course_member m "
            + "where m.course_id = c.id), c.updated_at)";

    /** The job's state: when it is due, and which instance holds it until when (if one does). */
    record Job(Instant nextRunAt, String leaseOwner, Instant leaseUntil) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Courses not launched since {@code cutoff}, least recently launched first. */
    List<Retention.ExpiredCourse> expired(OffsetDateTime cutoff) {
        try (Connection connection = dataSource.getConnection()) {
            return Rows.read(connection, "select c.id, c.context_id, c.title, p.name as platform, p.issuer, "
                    + LAST_LAUNCH + " as last_launch, "
                    + "(select count(*) from lti_course_member m where m.course_id = c.id) as members, "
                    + "(select count(*) from assessment_activity a where a.course_id = c.id) as activities, "
                    + "(select count(*) from evidence e join assessment_activity a on a.id = e.activity_id "
                    + "where a.course_id = c.id and e.storage_name is not null) as files "
                    + "from lti_course c join lti_deployment d on d.id = c.deployment_id "
                    + "join lti_platform p on p.id = d.platform_id where " + LAST_LAUNCH + " < ? "
                    + "order by last_launch, c.id", cutoff).stream().map(RetentionStore::expiredCourse).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des cours à effacer impossible", e);
        }
    }

    /** How many users are members of these courses only (they go with them). */
    int usersOnlyIn(List<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return 0;
        }
        String ids = courseIds.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        return ((Number) em.createNativeQuery("select count(distinct m.user_id) from lti_course_member m "
                + "where m.course_id in " + ids + " and not exists (select 1 from lti_course_member o "
                + "where o.user_id = m.user_id and o.course_id not in " + ids + ")").getSingleResult()).intValue();
    }

    /**
     * Takes a job when no live lease holds it (owner, lease end, job, now); {@link #CLAIM_DUE} only when it is due
     * too (now again).
     */
    static final String CLAIM = "update privacy_job set lease_owner = ?, lease_until = ? where name = ? "
            + "and (lease_until is null or lease_until < ?)";
    static final String CLAIM_DUE = CLAIM + " and (next_run_at is null or next_run_at <= ?)";

    /** Takes the job for {@code owner} when no live lease holds it and, unless {@code force}, it is due. */
    boolean claim(String owner, Duration lease, boolean force, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(force ? CLAIM : CLAIM_DUE)) {
            update.setString(1, owner);
            update.setObject(2, now.plus(lease));
            update.setString(3, JOB);
            update.setObject(4, now);
            if (!force) {
                update.setObject(5, now);
            }
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Prise de la tâche de conservation impossible", e);
        }
    }

    /** Keeps the job while a long run goes on. */
    void renew(String owner, Duration lease, OffsetDateTime now) {
        em.createNativeQuery("update privacy_job set lease_until = ?1 where name = ?2 and lease_owner = ?3")
                .setParameter(1, now.plus(lease)).setParameter(2, JOB).setParameter(3, owner).executeUpdate();
    }

    /** Lets the job go, due again at {@code next}. */
    void release(String owner, OffsetDateTime next) {
        em.createNativeQuery("update privacy_job set lease_owner = null, lease_until = null, next_run_at = ?1 "
                + "where name = ?2 and lease_owner = ?3").setParameter(1, next).setParameter(2, JOB)
                .setParameter(3, owner).executeUpdate();
    }

    Job job() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Object> row = Rows.read(connection, "select next_run_at, lease_owner, lease_until "
                    + "from privacy_job where name = ?", JOB).getFirst();
            return new Job((Instant) row.get("next_run_at"), (String) row.get("lease_owner"),
                    (Instant) row.get("lease_until"));
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture de la tâche de conservation impossible", e);
        }
    }

    RetentionRun started(RetentionRun run) {
        em.persist(run);
        return run;
    }

    void finished(RetentionRun run) {
        em.merge(run);
    }

    List<Retention.Run> latestRuns(int limit) {
        return em.createNamedQuery(RetentionRun.LATEST, RetentionRun.class).setMaxResults(limit).getResultStream()
                .map(RetentionRun::view).toList();
    }

    private static Retention.ExpiredCourse expiredCourse(Map<String, Object> row) {
        return new Retention.ExpiredCourse(((Number) row.get("id")).longValue(), (String) row.get("context_id"),
                (String) row.get("title"), (String) row.get("platform"), (String) row.get("issuer"),
                (Instant) row.get("last_launch"), ((Number) row.get("members")).intValue(),
                ((Number) row.get("activities")).intValue(), ((Number) row.get("files")).intValue());
    }
}
