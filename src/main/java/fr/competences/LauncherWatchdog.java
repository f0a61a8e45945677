package fr.competences;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ends the process when the application is not deployed within {@code STARTUP_TIMEOUT} (5 minutes by default), so
 * that the supervisor (Docker's restart policy, systemd) starts it again. Payara Micro's boot can deadlock in HK2, its
 * run-level threads waiting on each other's locks (seen a few times in hundreds of boots of the test suite): the
 * process then lives on with its HTTP port closed, and no waiting cures it.
 */
final class LauncherWatchdog {

    /** Set by the application once deployed ({@code config.StartupReport}, which cannot be loaded from here). */
    static final String READY_PROPERTY = "competences.ready";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The exit status of a boot given up, told apart from a crash's in the supervisor's log. */
    static final int STALLED_STATUS = 75;

    private LauncherWatchdog() {
    }

    /** {@code STARTUP_TIMEOUT} as an ISO-8601 duration; zero or negative disables the watchdog. */
    static Duration timeout(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Duration.parse(setting.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("STARTUP_TIMEOUT=" + setting + " n’est pas une durée ISO-8601 (par "
                    + "exemple PT5M pour 5 minutes, PT0S pour ne jamais arrêter un démarrage trop long)", e);
        }
    }

    /** Watches in a daemon thread: if {@code ready} is still false after {@code timeout}, runs {@code giveUp}. */
    static Thread watch(Duration timeout, BooleanSupplier ready, Runnable giveUp) {
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!ready.getAsBoolean()) {
                giveUp.run();
            }
        }, "startup-watchdog");
        watchdog.setDaemon(true);
        if (timeout.isPositive()) {
            watchdog.start();
        }
        return watchdog;
    }

    /** Every thread's stack and the locks it holds or waits for: what a report of the stall to Payara needs. */
    static String threadDump() {
        StringBuilder dump = new StringBuilder("Threads au moment de l’arrêt :\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }

    /** For the real process: the application's flag, and a halt (a deadlocked boot may block shutdown hooks too). */
    static void watchThisProcess(Duration timeout) {
        watch(timeout, () -> System.getProperty(READY_PROPERTY) != null, () -> {
            System.err.println("Compétences LTI n’est pas démarré après " + timeout + " (STARTUP_TIMEOUT) : le "
                    + "démarrage de Payara Micro est sans doute bloqué. Arrêt (code " + STALLED_STATUS + ") pour que "
                    + "le superviseur le relance.");
            System.err.println(threadDump());
            System.err.flush();
            Runtime.getRuntime().halt(STALLED_STATUS);
        });
    }
}
