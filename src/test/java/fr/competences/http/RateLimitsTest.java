package fr.competences.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Allowances per client address: used up, told how long to wait, per address and per limit, or off. */
class RateLimitsTest {

    @Test
    void pastTheAllowanceTheClientIsToldHowLongToWait() {
        RateLimits limits = limits(3, 30);

        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(RateLimits.Limit.LAUNCH, "192.0.2.1")).isEmpty();
        }
        assertThat(limits.take(RateLimits.Limit.LAUNCH, "192.0.2.1")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
        assertThat(limits.take(RateLimits.Limit.LAUNCH, "192.0.2.2")).as("another address").isEmpty();
        assertThat(limits.take(RateLimits.Limit.LAUNCH_LOGIN, "192.0.2.1")).as("another limit").isEmpty();
    }

    @Test
    void lookingAtAnAllowanceTakesNothing() {
        RateLimits limits = limits(300, 2);

        assertThat(limits.exhausted(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1")).isEmpty();
        limits.take(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1");
        assertThat(limits.exhausted(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1")).isEmpty();
        limits.take(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1");
        assertThat(limits.exhausted(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30)));
    }

    @Test
    void zeroTurnsALimitOff() {
        RateLimits limits = limits(0, 0);

        for (int i = 0; i < 1000; i++) {
            assertThat(limits.take(RateLimits.Limit.LAUNCH, "192.0.2.1")).isEmpty();
            assertThat(limits.take(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1")).isEmpty();
        }
        assertThat(limits.exhausted(RateLimits.Limit.ADMIN_FAILURE, "192.0.2.1")).isEmpty();
    }

    @Test
    void theDefaultsLetAClassLaunchTogetherFromOneSchoolAddress() {
        RateLimits limits = new RateLimits();
        limits.launchesPerMinute = 300;
        limits.adminFailuresPerHour = 30;
        limits.configure();

        for (int student = 0; student < 200; student++) {
            assertThat(limits.take(RateLimits.Limit.LAUNCH_LOGIN, "198.51.100.1")).isEmpty();
            assertThat(limits.take(RateLimits.Limit.LAUNCH, "198.51.100.1")).isEmpty();
        }
    }

    static RateLimits limits(long launchesPerMinute, long adminFailuresPerHour) {
        RateLimits limits = new RateLimits();
        limits.launchesPerMinute = launchesPerMinute;
        limits.adminFailuresPerHour = adminFailuresPerHour;
        limits.configure();
        return limits;
    }
}
