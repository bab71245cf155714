package xenpt.observed;

/**
 * A host answered but its answers do not make an observation (not a XenServer host, xapi down, no boot
 * configuration). The message names the host and what failed, like a {@link xenpt.transport.TransportException}.
 */
public class ObservationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ObservationException(String message) {
        super(message);
    }
}
