package fr.competences.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Allowances per client address (token buckets, Bucket4j): a full bucket of {@code capacity} requests, refilled
 * evenly over its period. Kept in memory per instance: several instances each allow the whole amount, which is what
 * matters against one address hammering one instance. A setting of 0 turns a limit off. At most
 * {@value #MAX_TRACKED} addresses are tracked; past that, buckets that have refilled are forgotten, and if that is not
 * enough, all of them (a flood of distinct addresses then gets through rather than exhausting the memory).
 */
@ApplicationScoped
public class RateLimits {

    static final int MAX_TRACKED = 50_000;
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** What is counted, and against which setting. */
    public enum Limit {
        /** {@code /lti/login} requests: one per launch. */
        LAUNCH_LOGIN,
        /** {@code /lti/launch} requests: one per launch, two when the browser recovers its state from storage. */
        LAUNCH,
        /** Admin API requests with a missing or wrong token. */
        ADMIN_FAILURE
    }

    private record Key(Limit limit, String client) {
    }

    @Inject
    @ConfigProperty(name = "rate-limit.launches-per-minute", defaultValue = "300")
    long launchesPerMinute;

    @Inject
    @ConfigProperty(name = "rate-limit.admin-failures-per-hour", defaultValue = "30")
    long adminFailuresPerHour;

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private Map<Limit, Bandwidth> bandwidths = Map.of();
    private volatile long lastSweep = System.nanoTime();

    @PostConstruct
    void configure() {
        Map<Limit, Bandwidth> configured = new java.util.EnumMap<>(Limit.class);
        bandwidth(launchesPerMinute, Duration.ofMinutes(1)).ifPresent(b -> {
            configured.put(Limit.LAUNCH_LOGIN, b);
            configured.put(Limit.LAUNCH, b);
        });
        bandwidth(adminFailuresPerHour, Duration.ofHours(1)).ifPresent(b -> configured.put(Limit.ADMIN_FAILURE, b));
        bandwidths = Map.copyOf(configured);
    }

    /** Takes one request from the client's allowance; when none is left, how long until there is one. */
    public Optional<Duration> take(Limit limit, String client) {
        Optional<Bucket> bucket = bucket(limit, client);
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket.get().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the client's allowance is used up (nothing taken); if so, how long until it has one again. */
    public Optional<Duration> exhausted(Limit limit, String client) {
        Bucket bucket = bandwidths.containsKey(limit) ? buckets.get(new Key(limit, client)) : null;
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Optional<Bucket> bucket(Limit limit, String client) {
        Bandwidth bandwidth = bandwidths.get(limit);
        if (bandwidth == null) {
            return Optional.empty();
        }
        Key key = new Key(limit, client);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            forgetIfCrowded();
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth).build());
        }
        return Optional.of(bucket);
    }

    private void forgetIfCrowded() {
        long now = System.nanoTime();
        if (buckets.size() < MAX_TRACKED || now - lastSweep < SWEEP_EVERY_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= bandwidths.get(e.getKey().limit())
                .getCapacity());
        if (buckets.size() >= MAX_TRACKED) {
            buckets.clear();
        }
    }

    private static Optional<Bandwidth> bandwidth(long perPeriod, Duration period) {
        return perPeriod <= 0 ? Optional.empty()
                : Optional.of(Bandwidth.builder().capacity(perPeriod).refillGreedy(perPeriod, period).build());
    }
}
