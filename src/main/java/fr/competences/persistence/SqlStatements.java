package fr.competences.persistence;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink sends on the current thread, and the time they take, between
 * {@link #start()} and {@link Tally#stop()}: what one HTTP request costs the database ({@code Server-Timing}), so that
 * a page whose number of statements grows with the class (N+1) is seen, and tested. Registered in persistence.xml;
 * statements sent through JDBC directly (nonces, backups, personal data) are not counted.
 */
public class SqlStatements extends SessionEventAdapter {

    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();

    /** Statements and their time on one thread, from its start. */
    public static final class Tally {
        private int statements;
        private long nanos;
        private long callStarted;

        public int statements() {
            return statements;
        }

        public double millis() {
            return nanos / 1e6;
        }

        /** Stops counting on this thread; the figures stay readable. */
        public Tally stop() {
            CURRENT.remove();
            return this;
        }
    }

    /** Counts from now on this thread (a thread reused by the pool starts afresh). */
    public static Tally start() {
        Tally tally = new Tally();
        CURRENT.set(tally);
        return tally;
    }

    @Override
    public void preExecuteCall(SessionEvent event) {
        Tally tally = CURRENT.get();
        if (tally != null) {
            tally.statements++;
            tally.callStarted = System.nanoTime();
        }
    }

    @Override
    public void postExecuteCall(SessionEvent event) {
        Tally tally = CURRENT.get();
        if (tally != null && tally.callStarted != 0) {
            tally.nanos += System.nanoTime() - tally.callStarted;
            tally.callStarted = 0;
        }
    }
}
