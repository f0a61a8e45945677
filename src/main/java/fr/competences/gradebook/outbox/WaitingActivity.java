package fr.competences.gradebook.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An activity with positions but no resource link yet (deep-linked, never opened in the platform): its grades wait
 * until the tool finds its line item on the platform, or until someone opens it there. Changed only through its own
 * methods (EclipseLink's woven change tracking).
 */
@Entity
@Table(name = "gb_waiting_activity")
@NamedQuery(name = WaitingActivity.OF_COURSE,
        query = "select w from WaitingActivity w where w.courseId = :courseId order by w.activityId")
class WaitingActivity {

    static final String OF_COURSE = "WaitingActivity.ofCourse";
    /** Longest wait between two looks: the platform may get the column later (a teacher ticks "accept grades"). */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Id
    @Column(name = "activity_id")
    Long activityId;

    @Column(name = "course_id", nullable = false)
    long courseId;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    OffsetDateTime leaseUntil;

    @Column(name = "last_http_status")
    Integer lastHttpStatus;

    @Column(name = "last_message")
    String lastMessage;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected WaitingActivity() {
    }

    WaitingActivity(long activityId, long courseId, OffsetDateTime now) {
        this.activityId = activityId;
        this.courseId = courseId;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    /** A teacher's save or resync looks again at once. */
    void dueNow(OffsetDateTime now) {
        attempts = 0;
        nextAttemptAt = now;
        updatedAt = now;
    }

    void leaseUntil(OffsetDateTime until) {
        leaseUntil = until;
    }

    /** Not found this time ({@code httpStatus} 0 when the platform did not answer): looked at again later. */
    void notFound(int httpStatus, String message, OffsetDateTime now) {
        attempts++;
        leaseUntil = null;
        lastHttpStatus = httpStatus;
        lastMessage = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
        nextAttemptAt = now.plusSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts + 1, 20)));
        updatedAt = now;
    }
}
