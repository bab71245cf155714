package xenpt.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH {@code exec} request, for a single simulated host or a host of a fleet: waits the host's network latency (a
 * distant host), runs the line through the host's {@link Shell} on a virtual thread, writes stdout and stderr, then
 * the exit status. A dropped connection closes the session without an answer; a reboot answers first, then takes the
 * host down.
 */
final class ExecCommand implements Command {

    /** What the host does when a command asks for a reboot. */
    interface Rebooter {
        void reboot();
    }

    private final String line;
    private final Shell shell;
    private final Rebooter rebooter;
    private final Traffic traffic;
    private final long latencyMs;
    private InputStream in = InputStream.nullInputStream();
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    ExecCommand(String line, Shell shell, Rebooter rebooter, Traffic traffic, long latencyMs) {
        this.line = line;
        this.shell = shell;
        this.rebooter = rebooter;
        this.traffic = traffic;
        this.latencyMs = latencyMs;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread.ofVirtual().name("xenpt-sim-exec").start(() -> run(channel));
    }

    private void run(ChannelSession channel) {
        try {
            if (latencyMs > 0) Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
            channel.getSession().close(true);
            return;
        }
        traffic.channelStarted();
        Outcome o;
        try {
            o = shell.execute(line, new Stdin(in, this::early).withRoundTrip(latencyMs));
        } finally {
            traffic.channelEnded();
        }
        if (o.effect() == Outcome.Effect.HANG) awaitClose(channel);
        if (o.effect() == Outcome.Effect.DROP || o.effect() == Outcome.Effect.HANG) {
            channel.getSession().close(true);
            return;
        }
        try {
            out.write(o.out().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (o.effect() == Outcome.Effect.ENDLESS_ZEROS) endlessZeros();
            err.write(o.err().getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(o.exit());
        } catch (IOException e) {
            channel.getSession().close(true);
        }
        if (o.effect() == Outcome.Effect.REBOOT) rebooter.reboot();
    }

    /** A script's output so far, sent before it reads stdin (as a shell's writes are). */
    private void early(String o, String e) throws IOException {
        out.write(o.getBytes(StandardCharsets.UTF_8));
        out.flush();
        err.write(e.getBytes(StandardCharsets.UTF_8));
        err.flush();
    }

    /** Writes NUL bytes until the client closes the channel (the write then fails, as SIGPIPE ends a real cat). */
    private void endlessZeros() throws IOException {
        byte[] zeros = new byte[32 * 1024];
        while (true) out.write(zeros);
    }

    /** Until the client closes the channel or its connection (at most a minute, so a forgotten test ends). */
    private static void awaitClose(ChannelSession channel) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (channel.isOpen() && channel.getSession().isOpen() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void destroy(ChannelSession channel) {}
}
