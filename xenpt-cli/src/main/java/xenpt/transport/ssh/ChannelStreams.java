package xenpt.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reading a command's stdout and stderr together, each bounded in size, all before one deadline. */
final class ChannelStreams {

    private ChannelStreams() {}

    /** The stream's bytes, or its {@link BoundedRead.TooLarge} as an IOException naming the stream. */
    static byte[] bounded(CompletableFuture<byte[]> read, String stream, long deadline)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        try {
            return read.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BoundedRead.TooLarge tooLarge) {
                throw new IOException(stream + ": " + tooLarge.getMessage());
            }
            throw e;
        }
    }

    static long remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new TimeoutException();
        return left;
    }

    static CompletableFuture<byte[]> readAsync(InputStream in) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                f.complete(BoundedRead.readAll(in, BoundedRead.MAX_BYTES));
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
