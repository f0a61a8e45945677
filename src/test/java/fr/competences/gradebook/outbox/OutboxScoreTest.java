package fr.competences.gradebook.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.gradebook.rules.Grade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OutboxScoreTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-30T08:00:00.250Z");
    static final Grade GRADE = new Grade(new BigDecimal("15.00"), new BigDecimal("20"), "B1.1 Acquis");

    OutboxScore row = new OutboxScore(GradeCell.ofLink(new ScoreOutbox.ActivityLink(1, 2, 3, BigDecimal.TEN), 4, 5, "42"),
            T0);

    @Test
    void timestampsStrictlyIncreaseToTheSecondEvenWithinOneSecond() {
        row.change(GRADE, GRADE.scoreMaximum(), "url", T0);
        OffsetDateTime first = row.scoreTimestamp;
        row.change(GRADE, GRADE.scoreMaximum(), "url", T0.plusNanos(300_000_000));
        assertThat(row.scoreTimestamp.toEpochSecond()).isGreaterThan(first.toEpochSecond());
        row.change(GRADE, GRADE.scoreMaximum(), "url", T0.plusSeconds(10));
        assertThat(row.scoreTimestamp).isEqualTo(T0.plusSeconds(10));
        assertThat(row.revision).isEqualTo(3);
    }

    @Test
    void onlyAChangedValueIsSentAgain() {
        assertThat(row.differs(GRADE, "url")).isTrue();
        row.change(GRADE, GRADE.scoreMaximum(), "url", T0);
        assertThat(row.differs(new Grade(new BigDecimal("15"), new BigDecimal("20.00"), "B1.1 Acquis"), "url")).isFalse();
        assertThat(row.differs(new Grade(new BigDecimal("15"), new BigDecimal("20"), "B1.1 Maîtrisé"), "url")).isTrue();
        assertThat(row.differs(null, "url")).isTrue();
    }

    @Test
    void aChangeDuringTheDeliveryStaysDue() {
        row.change(GRADE, GRADE.scoreMaximum(), "url", T0);
        long sending = row.revision;
        row.change(new Grade(BigDecimal.TEN, GRADE.scoreMaximum(), "B1.1 En cours"), GRADE.scoreMaximum(), "url",
                T0.plusSeconds(1));
        row.delivered(sending, new RetryPolicy.Decision(OutboxScore.Status.SYNCED, null), 200, "", T0.plusSeconds(2));
        assertThat(row.status).isEqualTo(OutboxScore.Status.PENDING);
        assertThat(row.sentRevision).isEqualTo(sending);

        row.delivered(row.revision, new RetryPolicy.Decision(OutboxScore.Status.SYNCED, null), 200, "", T0.plusSeconds(3));
        assertThat(row.status).isEqualTo(OutboxScore.Status.SYNCED);
        assertThat(row.pendingSince).isNull();
    }

    @Test
    void aRetryKeepsTheRowPendingAndCountsTheAttempt() {
        row.change(GRADE, GRADE.scoreMaximum(), "url", T0);
        row.delivered(row.revision, new RetryPolicy.Decision(OutboxScore.Status.PENDING, Duration.ofSeconds(4)), 503,
                "down", T0.plusSeconds(1));
        assertThat(row.status).isEqualTo(OutboxScore.Status.PENDING);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.nextAttemptAt).isEqualTo(T0.plusSeconds(5));
        assertThat(row.pendingFor(T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }
}
