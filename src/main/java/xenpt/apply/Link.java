package xenpt.apply;

import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The current session to one host during its apply. A reboot replaces it; after a dropped connection the lock must
 * still be released and the journal written, so {@link #retrying} reconnects once.
 */
final class Link implements AutoCloseable {

    /** Work on a session. */
    interface Work<T> {
        T run(HostSession s) throws Exception;
    }

    private final HostConnector connector;
    private HostSession session;

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
    <T> T retrying(Work<T> work) throws Exception {
        try {
            return work.run(session());
        } catch (TransportException first) {
            drop();
            return work.run(session());
        }
    }

    @Override
    public void close() {
        drop();
    }
}
