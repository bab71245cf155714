package xenpt.apply;

import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Opens sessions to one host, as often as an apply needs them: again after the host rebooted, or to release the lock
 * after the connection dropped. Closing the connector releases what it holds (a simulated host stops then, so it stays
 * up across the reconnects of one apply).
 */
public interface HostConnector extends AutoCloseable {

    /** A new session to the host. @throws TransportException when the host cannot be reached now */
    HostSession connect() throws TransportException;

    @Override
    void close();
}
