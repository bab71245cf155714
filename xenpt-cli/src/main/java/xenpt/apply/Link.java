package xenpt.apply;

import java.time.Duration;
import xenpt.observed.ObservationException;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The current session to one host during its apply. A reboot replaces it; after a dropped connection, a failed
 * command or an interruption the lock must still be released and the journal written: {@link #finishing} does that
 * work on a fresh connection when the old one is broken, with the thread's interruption set aside (sshj fails every
 * call on an interrupted thread).
 */
final class Link implements AutoCloseable {

    /** Work on a session. */
    interface Work<T> {
        T run(HostSession s) throws ApplyException, TransportException, ObservationException, InterruptedException;
    }

    private final HostConnector connector;
    private HostSession session;
    private boolean interrupted;

    Link(HostConnector connector) {
        this.connector = connector;
    }

    /** The open session, connecting when there is none. */
    HostSession session() throws TransportException {
        if (session == null) session = connector.connect();
        return session;
    }

    /** Closes the current session (the host is going away); the next {@link #session()} connects again. */
    void drop() {
        if (session != null) session.close();
        session = null;
    }

    /** Runs {@code work}; when the connection failed, connects again and runs it once more. */
    <T> T retrying(Work<T> work)
            throws ApplyException, TransportException, ObservationException, InterruptedException {
        try {
            return work.run(session());
        } catch (TransportException first) {
            if (Thread.currentThread().isInterrupted() || causedByInterrupt(first)) throw first;
            drop();
            return work.run(session());
        }
    }

    /**
     * Runs bookkeeping that must happen whatever went before: tries at least twice, and goes on trying (on a new
     * connection each time, {@code poll} apart) while {@code budget} lasts — a host that is rebooting answers again
     * after a while. An interruption of the thread is set aside while it runs ({@link #interrupted} tells).
     *
     * @param stopBudget  how long it may go on once the thread was interrupted (the process is being stopped)
     * @param onInterrupt called when the thread was interrupted before or during the work
     */
    <T> T finishing(Duration budget, Duration stopBudget, Duration poll, Runnable onInterrupt, Work<T> work)
            throws ApplyException, TransportException, ObservationException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        int interruptions = 0;
        for (int attempt = 1; ; attempt++) {
            if (Thread.interrupted()) {
                interrupted = true;
                onInterrupt.run();
                deadline = Math.max(deadline, System.nanoTime() + stopBudget.toNanos());
                drop(); // a connection in use when the thread was interrupted is not to be trusted
            }
            try {
                return work.run(session());
            } catch (ApplyException | TransportException | ObservationException | InterruptedException
                    | RuntimeException e) {
                if ((Thread.currentThread().isInterrupted() || causedByInterrupt(e)) && ++interruptions <= 3) {
                    // the interruption made it fail, not the host: try again on a new connection
                    attempt--;
                    interrupted = true;
                    onInterrupt.run();
                    drop();
                    deadline = Math.max(deadline, System.nanoTime() + stopBudget.toNanos());
                    continue;
                }
                if (e instanceof TransportException) drop();
                if (e instanceof HostLock.Lost || !(e instanceof TransportException || e instanceof ApplyException)) throw e;
                if (attempt >= 2 && System.nanoTime() >= deadline) throw e;
                pause(poll);
            }
        }
    }

    /** sshj reports an interrupted wait as a failed connection, and does not always keep the thread's flag. */
    static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the thread was interrupted while {@link #finishing} ran (the caller restores the interruption). */
    boolean interrupted() {
        return interrupted;
    }

    private void pause(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        }
    }

    @Override
    public void close() {
        drop();
    }
}
