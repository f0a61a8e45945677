package fr.competences.gradebook.outbox;

import java.time.Duration;

/**
 * How many scores one platform is sent at once, learnt from its answers (additive increase, multiplicative
 * decrease, as TCP does): it starts at the configured concurrency, grows by one after a full round of fast successes
 * (a round = as many answers as the current limit), never above the cap; an overloaded platform (429, 502, 503, 504,
 * a timeout or no answer) halves it, at most once per calm period so that the answers already in flight do not halve
 * it again, and its {@code Retry-After} pauses the sending. A school's Moodle is not hurt, a big one is not waited on.
 * Not thread-safe by itself: the worker's lane calls it under its own lock.
 */
final class SendingPace {

    /** How long after a decrease further overload answers count as the same event. */
    static final Duration CALM = Duration.ofSeconds(1);
    /** The longest pause a {@code Retry-After} imposes on the lane (the rows themselves wait their own delay). */
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final int cap;
    private int limit;
    private int fastAnswers;
    private long fastestNanos = Long.MAX_VALUE;
    private boolean decreased;
    private long calmUntil;
    private boolean paused;
    private long pausedUntil;

    SendingPace(int initial, int cap) {
        this.cap = Math.max(1, cap);
        this.limit = Math.clamp(initial, 1, this.cap);
    }

    int limit() {
        return limit;
    }

    /**
     * Records an answer that took {@code latency}; returns true when the limit changed. A success is fast when it
     * took at most twice the fastest answer seen plus 20 ms: a platform slowing down under our load stops the growth.
     */
    boolean answered(int httpStatus, Duration latency, Duration retryAfter, long now) {
        if (overloaded(httpStatus)) {
            return overload(retryAfter, now);
        }
        if (httpStatus < 200 || httpStatus >= 300 && httpStatus != 409) {
            return false; // refused (400, 403, 404…): says nothing about the platform's load
        }
        long took = latency.toNanos();
        // the fastest answer drifts up slowly (a few hundred answers), so that one lucky answer does not freeze the growth
        fastestNanos = took < fastestNanos ? took : fastestNanos + (took - fastestNanos) / 256;
        if (took > 2 * fastestNanos + Duration.ofMillis(20).toNanos() || limit >= cap) {
            fastAnswers = 0;
            return false;
        }
        if (++fastAnswers < limit) {
            return false;
        }
        fastAnswers = 0;
        limit++;
        return true;
    }

    /** How long the lane must wait before sending again (zero when it may send). */
    Duration pause(long now) {
        return paused && now - pausedUntil < 0 ? Duration.ofNanos(pausedUntil - now) : Duration.ZERO;
    }

    static boolean overloaded(int httpStatus) {
        return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus == 502 || httpStatus == 503
                || httpStatus == 504;
    }

    private boolean overload(Duration retryAfter, long now) {
        fastAnswers = 0;
        if (retryAfter != null && retryAfter.isPositive()) {
            long until = now + Math.min(retryAfter.toNanos(), MAX_PAUSE.toNanos());
            if (!paused || until - pausedUntil > 0) {
                pausedUntil = until;
                paused = true;
            }
        }
        if (decreased && now - calmUntil < 0 || limit == 1) {
            return false;
        }
        limit = Math.max(1, limit / 2);
        decreased = true;
        calmUntil = now + CALM.toNanos();
        return true;
    }
}
