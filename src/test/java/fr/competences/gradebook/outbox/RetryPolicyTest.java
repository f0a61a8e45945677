package fr.competences.gradebook.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Duration DAY = Duration.ofDays(1);
    final Random random = new Random(4);

    RetryPolicy.Decision decide(int status, int attempts, Duration pendingFor) {
        return RetryPolicy.decide(status, attempts, pendingFor, DAY, random);
    }

    @Test
    void deliveredOrAlreadyNewerIsSynced() {
        assertThat(decide(200, 0, Duration.ZERO)).isEqualTo(new RetryPolicy.Decision(OutboxScore.Status.SYNCED, null));
        assertThat(decide(204, 3, Duration.ZERO).status()).isEqualTo(OutboxScore.Status.SYNCED);
        assertThat(decide(409, 0, Duration.ZERO).status()).isEqualTo(OutboxScore.Status.SYNCED);
    }

    @Test
    void refusalsThatRetryingCannotFixFailAtOnce() {
        for (int status : new int[] {400, 403, 404, 405, 415, 422}) {
            assertThat(decide(status, 0, Duration.ZERO)).isEqualTo(new RetryPolicy.Decision(OutboxScore.Status.FAILED, null));
        }
    }

    @Test
    void unreachableThrottledOrBrokenPlatformsAreRetriedUntilTheGiveUpAge() {
        for (int status : new int[] {0, 401, 408, 429, 500, 502, 503, 504}) {
            RetryPolicy.Decision decision = decide(status, 0, Duration.ZERO);
            assertThat(decision.status()).isEqualTo(OutboxScore.Status.PENDING);
            assertThat(decision.retryIn()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
        assertThat(decide(503, 0, DAY.minusSeconds(1)).status()).isEqualTo(OutboxScore.Status.FAILED);
    }

    @Test
    void aPlatformsRetryAfterIsWaitedWhenLongerThanTheBackoffNeverShorter() {
        assertThat(RetryPolicy.decide(429, Duration.ofSeconds(30), 0, Duration.ZERO, DAY, random).retryIn())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.decide(503, Duration.ofMillis(10), 0, Duration.ZERO, DAY, random).retryIn())
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(RetryPolicy.decide(503, Duration.ofHours(1), 0, DAY.minusMinutes(30), DAY, random).status())
                .as("a pause beyond the give-up age ends the retries").isEqualTo(OutboxScore.Status.FAILED);
    }

    @Test
    void backoffDoublesWithJitterUpToTenMinutes() {
        for (int attempts = 0; attempts < 30; attempts++) {
            long ceiling = Math.min(600_000, 2_000L << Math.min(attempts, 20));
            Duration delay = RetryPolicy.backoff(attempts, random);
            assertThat(delay.toMillis()).isBetween(ceiling / 2, ceiling);
        }
        assertThat(RetryPolicy.backoff(3, new Random(1))).isNotEqualTo(RetryPolicy.backoff(3, new Random(2)));
    }
}
