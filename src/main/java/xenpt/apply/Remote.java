package xenpt.apply;

import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** Runs a command that must succeed; a refusal becomes one {@link ApplyException} naming host and operation. */
final class Remote {

    private Remote() {}

    /** @throws ApplyException e.g. {@code wintermute: xe vm-param-set failed (exit 1): The uuid you supplied was invalid.} */
    static CommandResult check(HostSession session, Command command) throws ApplyException, TransportException {
        CommandResult r = session.run(command);
        if (!r.ok()) throw failed(session.host(), r);
        return r;
    }

    static ApplyException failed(String host, CommandResult r) {
        return new ApplyException(host + ": " + operation(r.command()) + " failed (exit " + r.exitCode() + "): "
                + r.firstErrorLine());
    }

    /** {@code xe vm-param-set} for xe, else the program: what a person recognises as the step. */
    static String operation(Command c) {
        return c.argv().get(0).equals("xe") && c.argv().size() > 1 ? "xe " + c.argv().get(1) : c.argv().get(0);
    }
}
