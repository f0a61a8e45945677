package fr.competences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LauncherWatchdogTest {

    @Test
    void aBootNotReadyInTimeIsGivenUp() throws InterruptedException {
        CountDownLatch givenUp = new CountDownLatch(1);

        LauncherWatchdog.watch(Duration.ofMillis(20), () -> false, givenUp::countDown);

        assertThat(givenUp.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReadyApplicationIsLeftAlone() throws InterruptedException {
        AtomicBoolean givenUp = new AtomicBoolean();

        Thread watchdog = LauncherWatchdog.watch(Duration.ofMillis(20), () -> true, () -> givenUp.set(true));
        watchdog.join(5000);

        assertThat(watchdog.isAlive()).isFalse();
        assertThat(givenUp).isFalse();
    }

    @Test
    void theTimeoutIsFiveMinutesUnlessSetAndZeroDisablesIt() {
        assertThat(LauncherWatchdog.timeout(null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LauncherWatchdog.timeout(" PT10M ")).isEqualTo(Duration.ofMinutes(10));
        assertThat(LauncherWatchdog.watch(Duration.ZERO, () -> false, () -> { }).isAlive()).isFalse();
        assertThatThrownBy(() -> LauncherWatchdog.timeout("5 minutes")).hasMessageContaining("PT5M");
    }

    @Test
    void theDumpNamesEveryThreadWithItsStack() {
        String dump = LauncherWatchdog.threadDump();

        assertThat(dump).contains("\"" + Thread.currentThread().getName() + "\" RUNNABLE",
                "LauncherWatchdogTest.theDumpNamesEveryThreadWithItsStack(");
    }
}
