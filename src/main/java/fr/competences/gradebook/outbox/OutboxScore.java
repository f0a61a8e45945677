package fr.competences.gradebook.outbox;

import fr.competences.gradebook.rules.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The outbox row of one gradebook cell (an activity's resource link, or a competency column, × student): the latest
 * score to send and where its delivery stands. Only the latest value is kept, so a burst of changes sends one score; {@code revision} counts changes and
 * {@code sentRevision} the last one whose delivery ended. The score's timestamp strictly increases, to the second,
 * at each change, because Moodle refuses a timestamp not later than the one it holds (docs/moodle.md P-9.3).
 */
@Entity
@Table(name = "gb_score_sync")
@NamedQuery(name = OutboxScore.BY_CELL,
        query = "select s from OutboxScore s where s.resourceLinkId = :resourceLinkId and s.userId in :userIds")
@NamedQuery(name = OutboxScore.BY_COLUMN_CELLS,
        query = "select s from OutboxScore s where s.columnId in :columnIds and s.userId in :userIds")
@NamedQuery(name = OutboxScore.OF_COURSE, query = "select s from OutboxScore s where s.courseId = :courseId")
@NamedQuery(name = OutboxScore.BY_IDS, query = "select s from OutboxScore s where s.id in :ids")
public class OutboxScore {

    static final String BY_CELL = "OutboxScore.byCell";
    static final String BY_COLUMN_CELLS = "OutboxScore.byColumnCells";
    static final String OF_COURSE = "OutboxScore.ofCourse";
    static final String BY_IDS = "OutboxScore.byIds";

    public enum Status { PENDING, SYNCED, FAILED }

    @Id
    @SequenceGenerator(name = "gb_score_sync_seq", sequenceName = "gb_score_sync_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gb_score_sync_seq")
    Long id;

    @Column(name = "course_id", nullable = false)
    long courseId;

    /** The activity and the resource link of an activity grade; null for a competency column's. */
    @Column(name = "activity_id")
    Long activityId;

    @Column(name = "resource_link_id")
    Long resourceLinkId;

    /** The competency column of a mastery grade; null for an activity grade. */
    @Column(name = "column_id")
    Long columnId;

    @Column(name = "user_id", nullable = false)
    long userId;

    @Column(name = "platform_id", nullable = false)
    long platformId;

    @Column(name = "user_sub", nullable = false)
    String userSub;

    @Column(name = "line_item_url")
    String lineItemUrl;

    @Column(name = "score_given")
    BigDecimal scoreGiven;

    @Column(name = "score_maximum", nullable = false)
    BigDecimal scoreMaximum;

    @Column(name = "score_comment")
    String comment;

    @Column(name = "score_timestamp", nullable = false)
    OffsetDateTime scoreTimestamp;

    @Column(nullable = false)
    long revision;

    @Column(name = "sent_revision", nullable = false)
    long sentRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    OffsetDateTime nextAttemptAt;

    @Column(name = "pending_since")
    OffsetDateTime pendingSince;

    @Column(name = "lease_owner")
    String leaseOwner;

    @Column(name = "lease_until")
    OffsetDateTime leaseUntil;

    @Column(name = "last_http_status")
    Integer lastHttpStatus;

    @Column(name = "last_message")
    String lastMessage;

    @Column(name = "synced_at")
    OffsetDateTime syncedAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected OutboxScore() {
    }

    OutboxScore(GradeCell cell, OffsetDateTime now) {
        this.courseId = cell.courseId();
        this.activityId = cell.activityId();
        this.resourceLinkId = cell.resourceLinkId();
        this.columnId = cell.columnId();
        this.userId = cell.userId();
        this.platformId = cell.platformId();
        this.userSub = cell.userSub();
        this.scoreTimestamp = now.minusSeconds(1);
        this.status = Status.SYNCED;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    /** Whether this score differs from the one held (a withdrawn grade is a null score). */
    boolean differs(Grade grade, String lineItem) {
        BigDecimal given = grade == null ? null : grade.scoreGiven();
        String newComment = grade == null ? null : grade.comment();
        return !(given == null ? scoreGiven == null : scoreGiven != null && given.compareTo(scoreGiven) == 0)
                || !java.util.Objects.equals(newComment, comment)
                || grade != null && scoreMaximum != null && grade.scoreMaximum().compareTo(scoreMaximum) != 0
                || !java.util.Objects.equals(lineItem, lineItemUrl);
    }

    /** Takes a new value (or the same one again, for a resync) and makes the row due now. */
    void change(Grade grade, BigDecimal maximum, String lineItem, OffsetDateTime now) {
        scoreGiven = grade == null ? null : grade.scoreGiven();
        scoreMaximum = grade == null ? maximum : grade.scoreMaximum();
        comment = grade == null ? null : grade.comment();
        lineItemUrl = lineItem;
        OffsetDateTime next = now.truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime afterPrevious = scoreTimestamp.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        scoreTimestamp = next.isBefore(afterPrevious) ? afterPrevious : next;
        revision++;
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        pendingSince = pendingSince == null ? now : pendingSince;
        updatedAt = now;
    }

    /** The line item found or created for a row that had none; a change made meanwhile keeps its own. */
    void lineItemFound(String url) {
        if (url != null && lineItemUrl == null) {
            lineItemUrl = url;
        }
    }

    /** Records how the delivery of {@code deliveredRevision} ended; a newer change stays due. */
    void delivered(long deliveredRevision, RetryPolicy.Decision decision, int httpStatus, String message,
            OffsetDateTime now) {
        leaseOwner = null;
        leaseUntil = null;
        lastHttpStatus = httpStatus;
        lastMessage = message;
        updatedAt = now;
        if (decision.retryIn() != null) {
            attempts++;
            nextAttemptAt = now.plus(decision.retryIn());
            return;
        }
        sentRevision = deliveredRevision;
        if (revision > deliveredRevision) {
            attempts = 0;
            nextAttemptAt = now;
            return;
        }
        status = decision.status();
        pendingSince = null;
        if (status == Status.SYNCED) {
            syncedAt = now;
        }
    }

    /** The grade this row holds (null when withdrawn). */
    Grade grade() {
        return scoreGiven == null ? null : new Grade(scoreGiven, scoreMaximum, comment);
    }

    void lease(String owner, OffsetDateTime until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    Duration pendingFor(OffsetDateTime now) {
        return pendingSince == null ? Duration.ZERO : Duration.between(pendingSince, now);
    }

    public Long activityId() {
        return activityId;
    }

    public Long columnId() {
        return columnId;
    }

    public long userId() {
        return userId;
    }
}
