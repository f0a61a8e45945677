package fr.competences.gradebook.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One delivery attempt of a score and the platform's answer: the audit trail of what reached the gradebook. */
@Entity
@Table(name = "gb_delivery")
class DeliveryAttempt {

    @Id
    @SequenceGenerator(name = "gb_delivery_seq", sequenceName = "gb_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gb_delivery_seq")
    Long id;

    @Column(name = "sync_id", nullable = false)
    long syncId;

    @Column(nullable = false)
    long revision;

    @Column(name = "score_given")
    BigDecimal scoreGiven;

    @Column(name = "score_timestamp", nullable = false)
    OffsetDateTime scoreTimestamp;

    @Column(name = "http_status", nullable = false)
    int httpStatus;

    @Column(nullable = false)
    String outcome;

    String message;

    @Column(nullable = false)
    String instance;

    @Column(name = "attempted_at", nullable = false)
    OffsetDateTime attemptedAt;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(ClaimedScore claimed, int httpStatus, String outcome, String message, String instance,
            OffsetDateTime now) {
        this.syncId = claimed.id();
        this.revision = claimed.revision();
        this.scoreGiven = claimed.score().scoreGiven();
        this.scoreTimestamp = claimed.score().timestamp().atOffset(java.time.ZoneOffset.UTC);
        this.httpStatus = httpStatus;
        this.outcome = outcome;
        this.message = message;
        this.instance = instance;
        this.attemptedAt = now;
    }
}
