package fr.competences.gradebook.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendingPaceTest {

    static final Duration FAST = Duration.ofMillis(50);
    static final long SECOND = 1_000_000_000L;

    long now = 0;

    /** {@code answers} answers of this status and latency, 10 ms apart. */
    void answer(SendingPace pace, int answers, int status, Duration latency) {
        for (int i = 0; i < answers; i++) {
            pace.answered(status, latency, null, now);
            now += 10_000_000L;
        }
    }

    @Test
    void fastSuccessesGrowTheLimitByOnePerRoundUpToTheCap() {
        SendingPace pace = new SendingPace(4, 16);
        answer(pace, 3, 200, FAST);
        assertThat(pace.limit()).as("not before a full round of 4").isEqualTo(4);
        answer(pace, 1, 200, FAST);
        assertThat(pace.limit()).isEqualTo(5);
        answer(pace, 5 + 6 + 7, 200, FAST);
        assertThat(pace.limit()).isEqualTo(8);
        answer(pace, 1_000, 204, FAST);
        assertThat(pace.limit()).isEqualTo(16);
    }

    @Test
    void aPlatformSlowingDownUnderTheLoadStopsTheGrowth() {
        SendingPace pace = new SendingPace(4, 16);
        answer(pace, 4, 200, FAST);
        assertThat(pace.limit()).isEqualTo(5);
        answer(pace, 100, 200, Duration.ofMillis(400));
        assertThat(pace.limit()).isEqualTo(5);
    }

    @Test
    void overloadHalvesTheLimitOncePerCalmPeriodAndNeverBelowOne() {
        SendingPace pace = new SendingPace(16, 16);
        pace.answered(503, FAST, null, now);
        assertThat(pace.limit()).isEqualTo(8);
        answer(pace, 15, 503, FAST); // the answers already in flight, within the calm period
        assertThat(pace.limit()).isEqualTo(8);
        for (int status : new int[] {429, 0, 504, 502, 408}) {
            now += 2 * SECOND;
            pace.answered(status, Duration.ofSeconds(20), null, now);
        }
        assertThat(pace.limit()).isEqualTo(1);
        answer(pace, 1, 200, FAST);
        assertThat(pace.limit()).as("grows back after one fast answer at 1").isEqualTo(2);
    }

    @Test
    void refusalsSayNothingAboutTheLoad() {
        SendingPace pace = new SendingPace(4, 16);
        answer(pace, 50, 400, FAST);
        answer(pace, 50, 404, FAST);
        assertThat(pace.limit()).isEqualTo(4);
        answer(pace, 4, 409, FAST);
        assertThat(pace.limit()).as("409: a newer grade is there, an answer like a success").isEqualTo(5);
    }

    @Test
    void retryAfterPausesTheSendingUpToThirtySeconds() {
        SendingPace pace = new SendingPace(4, 16);
        assertThat(pace.pause(now)).isZero();
        pace.answered(429, FAST, Duration.ofSeconds(5), now);
        assertThat(pace.pause(now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pace.pause(now + 5 * SECOND)).isZero();
        pace.answered(503, FAST, Duration.ofHours(1), now);
        assertThat(pace.pause(now)).isEqualTo(SendingPace.MAX_PAUSE);
        pace.answered(503, FAST, Duration.ofSeconds(1), now);
        assertThat(pace.pause(now)).as("a shorter pause does not shorten the current one").isEqualTo(SendingPace.MAX_PAUSE);
    }

    @Test
    void theConfiguredStartIsKeptWithinOneAndTheCap() {
        assertThat(new SendingPace(40, 16).limit()).isEqualTo(16);
        assertThat(new SendingPace(0, 16).limit()).isEqualTo(1);
        assertThat(new SendingPace(4, 0).limit()).isEqualTo(1);
    }
}
