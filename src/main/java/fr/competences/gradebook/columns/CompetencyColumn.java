package fr.competences.gradebook.columns;

import fr.competences.gradebook.rules.ColumnMode;
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
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A competency column of a course as the tool wants it in the platform's gradebook. {@link ColumnKeeper} brings
 * the platform in line: creates the line item while {@code lineItemUrl} is null, renames it while {@code label}
 * differs from {@code platformLabel}, deletes it once {@code retired}; a failure waits until {@code nextAttemptAt};
 * {@code leaseUntil}: an instance is calling the platform for it.
 */
@Entity
@Table(name = "gb_competency_column")
@NamedQuery(name = CompetencyColumn.OF_COURSE,
        query = "select c from CompetencyColumn c where c.courseId = :courseId order by c.id")
public class CompetencyColumn {

    static final String OF_COURSE = "CompetencyColumn.ofCourse";
    /** Longest wait between two attempts after failures. */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Id
    @SequenceGenerator(name = "gb_competency_column_seq", sequenceName = "gb_competency_column_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gb_competency_column_seq")
    Long id;

    @Column(name = "course_id", nullable = false)
    long courseId;

    @Column(nullable = false)
    String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ColumnMode kind;

    @Column(nullable = false)
    String label;

    @Column(name = "platform_label")
    String platformLabel;

    @Column(name = "line_item_url")
    String lineItemUrl;

    @Column(nullable = false)
    boolean retired;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    OffsetDateTime nextAttemptAt;

    @Column(name = "last_http_status")
    Integer lastHttpStatus;

    @Column(name = "last_message")
    String lastMessage;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Column(name = "lease_until")
    OffsetDateTime leaseUntil;

    protected CompetencyColumn() {
    }

    CompetencyColumn(long courseId, ColumnPlan.Column planned, OffsetDateTime now) {
        this.courseId = courseId;
        this.code = planned.code();
        this.kind = planned.kind();
        this.label = planned.label();
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    /** Wanted again (or still) as planned; true when the platform has something to catch up on. */
    boolean plan(ColumnPlan.Column planned, OffsetDateTime now) {
        boolean changed = retired || !label.equals(planned.label()) || kind != planned.kind();
        if (changed) {
            retired = false;
            kind = planned.kind();
            label = planned.label();
            dueNow(now);
        }
        return changed;
    }

    void retire(OffsetDateTime now) {
        if (!retired) {
            retired = true;
            dueNow(now);
        }
    }

    /** A teacher's save or resync retries a failed column at once. */
    void dueNow(OffsetDateTime now) {
        attempts = 0;
        nextAttemptAt = now;
        lastHttpStatus = null;
        lastMessage = null;
        updatedAt = now;
    }

    /** Whether the platform does not match this row yet. */
    boolean outOfStep() {
        return retired ? lineItemUrl != null : lineItemUrl == null || !label.equals(platformLabel);
    }

    void created(String url, String labelOnPlatform, OffsetDateTime now) {
        lineItemUrl = url;
        platformLabel = labelOnPlatform;
        succeeded(now);
    }

    /** The platform now shows {@code labelOnPlatform} (the label wanted then; a later rename stays due). */
    void renamed(String labelOnPlatform, OffsetDateTime now) {
        platformLabel = labelOnPlatform;
        succeeded(now);
    }

    /** Its line item was deleted while a teacher wanted the column again: it is created anew. */
    void recreate(OffsetDateTime now) {
        lineItemUrl = null;
        platformLabel = null;
        dueNow(now);
    }

    /** Reserved to the instance calling the platform for it until then; null frees it. */
    void leaseUntil(OffsetDateTime until) {
        leaseUntil = until;
    }

    void failed(int httpStatus, String message, OffsetDateTime now) {
        attempts++;
        lastHttpStatus = httpStatus;
        lastMessage = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts + 1, 20));
        nextAttemptAt = now.plusSeconds(seconds);
        updatedAt = now;
    }

    private void succeeded(OffsetDateTime now) {
        attempts = 0;
        lastHttpStatus = null;
        lastMessage = null;
        updatedAt = now;
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String lineItemUrl() {
        return lineItemUrl;
    }
}
