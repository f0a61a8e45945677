package fr.competences.gradebook.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a platform's answer to a score means for its delivery (docs/moodle.md P-9): 2xx delivered; 409 a newer grade is
 * already there (a teacher's override, or our own earlier post before a crash) so nothing to fight; other 4xx
 * (400 "Incorrect score received" for a user who is not gradable, 403, 404…) cannot succeed by retrying; no answer,
 * 401 (after the token refresh), 408, 425, 429 and 5xx are retried with exponential backoff and jitter until the
 * give-up age, never sooner than the platform's {@code Retry-After}.
 */
final class RetryPolicy {

    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);

    /** The row's next status, or a retry delay (status stays PENDING). */
    record Decision(OutboxScore.Status status, Duration retryIn) {
    }

    private RetryPolicy() {
    }

    static Decision decide(int httpStatus, int attempts, Duration pendingFor, Duration giveUpAfter,
            RandomGenerator random) {
        return decide(httpStatus, null, attempts, pendingFor, giveUpAfter, random);
    }

    /** As above, waiting at least {@code retryAfter} (null: the platform asked for no pause) before the next try. */
    static Decision decide(int httpStatus, Duration retryAfter, int attempts, Duration pendingFor,
            Duration giveUpAfter, RandomGenerator random) {
        if (httpStatus >= 200 && httpStatus < 300 || httpStatus == 409) {
            return new Decision(OutboxScore.Status.SYNCED, null);
        }
        if (!retryable(httpStatus)) {
            return new Decision(OutboxScore.Status.FAILED, null);
        }
        Duration backoff = backoff(attempts, random);
        Duration delay = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        if (pendingFor.plus(delay).compareTo(giveUpAfter) > 0) {
            return new Decision(OutboxScore.Status.FAILED, null);
        }
        return new Decision(OutboxScore.Status.PENDING, delay);
    }

    static boolean retryable(int httpStatus) {
        return httpStatus == 0 || httpStatus == 401 || httpStatus == 408 || httpStatus == 425 || httpStatus == 429
                || httpStatus >= 500;
    }

    /** 2 s, 4 s, 8 s… up to 10 min, each between half and all of it ("equal jitter"): retries of many rows spread out. */
    static Duration backoff(int attempts, RandomGenerator random) {
        long ceiling = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts, 20));
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0)));
    }
}
