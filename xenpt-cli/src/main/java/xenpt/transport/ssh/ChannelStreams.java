package xenpt.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.connection.channel.direct.Session;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** Running one command on a channel: stdout and stderr read together, each bounded in size, all before one deadline. */
final class ChannelStreams {

    private ChannelStreams() {}

    /** The stream's bytes, or its {@link BoundedRead.TooLarge} as an IOException naming the stream. */
    static byte[] bounded(CompletableFuture<byte[]> read, String stream, long deadline)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        try {
            return read.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BoundedRead.TooLarge tooLarge) throw tooLarge.named(stream);
            throw e;
        }
    }

    static long remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new TimeoutException();
        return left;
    }

    static CompletableFuture<byte[]> readAsync(InputStream in) {
        return readAsync(in, null);
    }

    /** The stream read on a virtual thread; {@code watch} (may be null) sees each chunk and is told of the end. */
    static CompletableFuture<byte[]> readAsync(InputStream in, MarkerWatch watch) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                f.complete(BoundedRead.readAll(in, BoundedRead.MAX_BYTES, watch));
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            } finally {
                if (watch != null) watch.ended();
            }
        });
        return f;
    }

    /** Runs {@code command} on {@code channel} (closed after), its stdin sent first, both outputs read together. */
    static CommandResult exec(Session channel, Command command, long deadline)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        try (Session session = channel) {
            Session.Command running = session.exec(command.toShell());
            if (!command.stdin().isEmpty()) {
                // Small (a nonce and a few request lines): it fits the channel window, so it is written before reading.
                try (var in = running.getOutputStream()) {
                    in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
                }
            }
            // Both streams share the channel window: read them together or a full stderr stalls stdout.
            CompletableFuture<byte[]> out = ChannelStreams.readAsync(running.getInputStream());
            CompletableFuture<byte[]> err = ChannelStreams.readAsync(running.getErrorStream());
            return finish(running, command, out, err, deadline);
        }
    }

    /**
     * {@code HostSession.converse} on {@code channel} (closed after): the first part of stdin written and flushed,
     * both outputs read together and watched for the marker, then the reply written and stdin closed.
     */
    static CommandResult converse(Session channel, Command command, String marker, HostSession.Reply reply,
            long deadline) throws IOException, InterruptedException, ExecutionException, TimeoutException,
            TransportException {
        try (Session session = channel) {
            Session.Command running = session.exec(command.toShell());
            byte[] m = marker.getBytes(StandardCharsets.UTF_8);
            MarkerWatch outMark = new MarkerWatch(m);
            MarkerWatch errMark = new MarkerWatch(m);
            CompletableFuture<byte[]> out = ChannelStreams.readAsync(running.getInputStream(), outMark);
            CompletableFuture<byte[]> err = ChannelStreams.readAsync(running.getErrorStream(), errMark);
            try (OutputStream in = running.getOutputStream()) {
                in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
                in.flush();
                // A failed read stops consuming its stream, which stalls the other (they share the window): stop then.
                CompletableFuture<Object> failed = new CompletableFuture<>();
                out.exceptionally(e -> {
                    failed.complete(e);
                    return null;
                });
                err.exceptionally(e -> {
                    failed.complete(e);
                    return null;
                });
                CompletableFuture.anyOf(CompletableFuture.allOf(outMark.seen, errMark.seen), failed)
                        .get(remaining(deadline), TimeUnit.NANOSECONDS);
                byte[] out1 = outMark.seen.getNow(null);
                byte[] err1 = errMark.seen.getNow(null);
                if (out1 != null && err1 != null) {
                    String second = reply.to(new String(out1, StandardCharsets.UTF_8), new String(err1, StandardCharsets.UTF_8));
                    in.write(second.getBytes(StandardCharsets.UTF_8));
                }
            }
            return finish(running, command, out, err, deadline);
        }
    }

    /** Both outputs (each bounded), then the exit status; a command without one (killed, dropped) is an IOException. */
    private static CommandResult finish(Session.Command running, Command command, CompletableFuture<byte[]> out,
            CompletableFuture<byte[]> err, long deadline)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        // A read past its bound ends the command at once: closing the channel stops the host's writer too.
        byte[] stdout = ChannelStreams.bounded(out, "stdout", deadline);
        byte[] stderr = ChannelStreams.bounded(err, "stderr", deadline);
        running.join(ChannelStreams.remaining(deadline), TimeUnit.NANOSECONDS);
        Integer exit = running.getExitStatus();
        if (exit == null) {
            String signal = running.getExitSignal() == null ? "" : " (signal " + running.getExitSignal() + ")";
            throw new IOException("the command ended without an exit status" + signal);
        }
        return new CommandResult(command, exit,
                new String(stdout, StandardCharsets.UTF_8), new String(stderr, StandardCharsets.UTF_8));
    }
}
