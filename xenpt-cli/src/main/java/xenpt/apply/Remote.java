package xenpt.apply;

import java.util.List;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** Running one apply step on a host: a non-zero exit becomes an {@link ApplyException} naming host and step. */
final class Remote {

    private Remote() {}

    /**
     * Runs {@code command}; on a non-zero exit throws {@code <host>: <step> failed (exit N): <error line>}.
     *
     * @param step what the command does, for the message, e.g. {@code xen-cmdline --set-dom0}
     */
    static CommandResult must(HostSession session, Command command, String step) throws ApplyException, TransportException {
        CommandResult r = session.run(command);
        if (!r.ok()) throw failed(session, step, r);
        return r;
    }

    static ApplyException failed(HostSession session, String step, CommandResult r) {
        return new ApplyException.CommandFailed(session.host() + ": " + step + " failed (exit " + r.exitCode() + "): " + errorLine(r));
    }

    /**
     * The line that says what went wrong: the first non-blank stderr line, except for a Python traceback
     * (xen-cmdline), whose last line holds the exception.
     */
    static String errorLine(CommandResult r) {
        String first = r.firstErrorLine();
        if (!first.startsWith("Traceback")) return first;
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1).strip();
    }
}
