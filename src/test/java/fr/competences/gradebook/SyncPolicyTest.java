package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncPolicyTest {

    static final Duration DAY = Duration.ofDays(1);
    final Random random = new Random(4);

    SyncPolicy.Decision decide(int status, int attempts, Duration pendingFor) {
        return SyncPolicy.decide(status, attempts, pendingFor, DAY, random);
    }

    @Test
    void deliveredOrAlreadyNewerIsSynced() {
        assertThat(decide(200, 0, Duration.ZERO)).isEqualTo(new SyncPolicy.Decision(ScoreSync.Status.SYNCED, null));
        assertThat(decide(204, 3, Duration.ZERO).status()).isEqualTo(ScoreSync.Status.SYNCED);
        assertThat(decide(409, 0, Duration.ZERO).status()).isEqualTo(ScoreSync.Status.SYNCED);
    }

    @Test
    void refusalsThatRetryingCannotFixFailAtOnce() {
        for (int status : new int[] {400, 403, 404, 405, 415, 422}) {
            assertThat(decide(status, 0, Duration.ZERO)).isEqualTo(new SyncPolicy.Decision(ScoreSync.Status.FAILED, null));
        }
    }

    @Test
    void unreachableThrottledOrBrokenPlatformsAreRetriedUntilTheGiveUpAge() {
        for (int status : new int[] {0, 401, 408, 429, 500, 502, 503, 504}) {
            SyncPolicy.Decision decision = decide(status, 0, Duration.ZERO);
            assertThat(decision.status()).isEqualTo(ScoreSync.Status.PENDING);
            assertThat(decision.retryIn()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
        assertThat(decide(503, 0, DAY.minusSeconds(1)).status()).isEqualTo(ScoreSync.Status.FAILED);
    }

    @Test
    void backoffDoublesWithJitterUpToTenMinutes() {
        for (int attempts = 0; attempts < 30; attempts++) {
            long ceiling = Math.min(600_000, 2_000L << Math.min(attempts, 20));
            Duration delay = SyncPolicy.backoff(attempts, random);
            assertThat(delay.toMillis()).isBetween(ceiling / 2, ceiling);
        }
        assertThat(SyncPolicy.backoff(3, new Random(1))).isNotEqualTo(SyncPolicy.backoff(3, new Random(2)));
    }
}
