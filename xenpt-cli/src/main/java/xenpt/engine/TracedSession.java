package xenpt.engine;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import xenpt.diag.ControlChars;
import xenpt.diag.Secrets;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.ForwardingSession;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * {@code --verbose}: every command, file read and file write on a host, with how it ended and how long it took, one
 * line each ({@code wintermute: xe host-list → exit 0 in 12 ms}). Secrets are masked and control characters escaped,
 * since the text may come from a desired-state file or a host and goes to a terminal or a CI log.
 */
final class TracedSession extends ForwardingSession {

    private final Consumer<String> trace;
    private final LongSupplier nanoTime;

    TracedSession(HostSession delegate, Consumer<String> trace, LongSupplier nanoTime) {
        super(delegate);
        this.trace = trace;
        this.nanoTime = nanoTime;
    }

    /** The session, traced to {@code session}'s stderr when it runs with {@code --verbose}. */
    static HostSession of(HostSession s, Session session) {
        if (!session.verbose()) return s;
        return new TracedSession(s, line -> session.err().println(line), System::nanoTime);
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        return traced(command, () -> delegate.run(command));
    }

    /** One line for the whole conversation: the script, its exit status and how long both parts took. */
    @Override
    public CommandResult converse(Command command, String marker, Reply reply) throws TransportException {
        return traced(command, () -> delegate.converse(command, marker, reply));
    }

    private interface Call {
        CommandResult run() throws TransportException;
    }

    private CommandResult traced(Command command, Call call) throws TransportException {
        long start = nanoTime.getAsLong();
        try {
            CommandResult r = call.run();
            trace(command.toShell(), "exit " + r.exitCode(), start);
            return r;
        } catch (TransportException | RuntimeException e) {
            trace(command.toShell(), "failed: " + e.getMessage(), start);
            throw e;
        }
    }

    @Override
    public byte[] readFile(String path) throws TransportException {
        long start = nanoTime.getAsLong();
        try {
            byte[] content = delegate.readFile(path);
            trace("read " + path, content.length + (content.length == 1 ? " byte" : " bytes"), start);
            return content;
        } catch (TransportException | RuntimeException e) {
            trace("read " + path, "failed: " + e.getMessage(), start);
            throw e;
        }
    }

    @Override
    public void writeFile(String path, byte[] content, int mode) throws TransportException {
        long start = nanoTime.getAsLong();
        String what = "write " + path + " (" + content.length + (content.length == 1 ? " byte" : " bytes")
                + ", mode " + Integer.toOctalString(mode) + ")";
        try {
            delegate.writeFile(path, content, mode);
            trace(what, "ok", start);
        } catch (TransportException | RuntimeException e) {
            trace(what, "failed: " + e.getMessage(), start);
            throw e;
        }
    }

    private void trace(String what, String outcome, long start) {
        long ms = (nanoTime.getAsLong() - start) / 1_000_000;
        String line = host() + ": " + what + " → " + outcome;
        trace.accept(ControlChars.escape(Secrets.maskCommand(line)) + " in " + ms + " ms");
    }
}
