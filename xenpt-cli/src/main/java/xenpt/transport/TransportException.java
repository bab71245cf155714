package xenpt.transport;

/**
 * A failure to talk to a host (connect, authenticate, verify its key, run a command, move a file), wrapped once
 * at the transport boundary with the host and the operation, e.g.
 * {@code wintermute: connect to 127.0.0.1:2222 failed: Connection refused}.
 */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
