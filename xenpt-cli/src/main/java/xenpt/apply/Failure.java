package xenpt.apply;

import java.util.Objects;
import xenpt.transport.TransportException;

/**
 * Why a step of an apply failed, by the type of what went wrong, never by its message text. Each message names the
 * host (and the operation); it is what the report and the journal show.
 */
public sealed interface Failure {

    String message();

    /** The connection to the host failed or dropped. */
    record TransportLost(String message) implements Failure {
        public TransportLost { Objects.requireNonNull(message, "message"); }
    }

    /** A command on the host, or reading its output, failed. */
    record CommandFailed(String message) implements Failure {
        public CommandFailed { Objects.requireNonNull(message, "message"); }
    }

    /** xenpt refused to go on: a stale plan, a lock held by another apply, a result that did not verify. */
    record Refused(String message) implements Failure {
        public Refused { Objects.requireNonNull(message, "message"); }
    }

    /** The apply was stopped (Ctrl-C, SIGTERM) during the step. */
    record Interrupted(String message) implements Failure {
        public Interrupted { Objects.requireNonNull(message, "message"); }
    }

    /**
     * The failure of step {@code step} on {@code host} that threw {@code e}; {@code interrupted} when the thread was
     * interrupted (sshj reports an interrupted wait as a failed connection, so the caller checks both).
     */
    static Failure of(String host, String step, Exception e, boolean interrupted) {
        if (interrupted) return new Interrupted(host + ": interrupted at " + step);
        String message = named(host, step, e);
        return switch (e) {
            case TransportException t -> new TransportLost(message);
            case ApplyException.CommandFailed c -> new CommandFailed(message);
            case ApplyException a -> new Refused(message);
            default -> new CommandFailed(message);
        };
    }

    /** Messages of xenpt's own exceptions already name the host (wrapped once at the boundary); others get host and step. */
    private static String named(String host, String step, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.startsWith(host + ": ") ? m : host + ": " + step + ": " + m;
    }
}
