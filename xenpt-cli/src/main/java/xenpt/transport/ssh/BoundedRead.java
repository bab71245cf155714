package xenpt.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every read from a host (a command's stdout or stderr, a file over SFTP) goes through here, so that no host output
 * can exhaust xenpt's memory: a boot file that is a link to {@code /dev/zero} must fail its read, not the process.
 * Two bounds: {@value #MAX_BYTES} bytes per read (60,000 lspci records are ~15 MB), and {@value #MAX_IN_FLIGHT}
 * bytes buffered by all reads of the process at once (many hosts, each with several reads running together), so that
 * the launcher's 320 MiB heap holds the worst case with its copies.
 */
final class BoundedRead {

    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final long MAX_IN_FLIGHT = 64L * 1024 * 1024;

    private static final AtomicLong IN_FLIGHT = new AtomicLong();
    private static final int CHUNK = 64 * 1024;

    /** A read past a bound, with the chunks read before it; the caller names the host and the read. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient List<byte[]> chunks;

        TooLarge(String message, List<byte[]> chunks) {
            super(message);
            this.chunks = chunks;
        }

        /** The same refusal, its message prefixed with the stream's name. */
        TooLarge named(String stream) {
            return new TooLarge(stream + ": " + getMessage(), chunks);
        }

        List<byte[]> chunks() {
            return chunks == null ? List.of() : chunks;
        }
    }

    /** Told of each chunk as it arrives, on the reading thread (e.g. to watch for a marker). */
    interface Listener {
        /** {@code chunks}: every chunk so far, the new one last. */
        void chunk(List<byte[]> chunks);
    }

    private BoundedRead() {}

    /** All of {@code in}, or {@link TooLarge} as soon as it passes {@code max} bytes or the process-wide budget. */
    static byte[] readAll(InputStream in, long max) throws IOException {
        return readAll(in, max, null);
    }

    /**
     * As {@link #readAll(InputStream, long)}; with a listener each chunk is what the stream had at hand (not a full
     * chunk), so the listener sees the output as soon as it arrives.
     */
    static byte[] readAll(InputStream in, long max, Listener listener) throws IOException {
        // Chunks joined once at the end: at most twice the content in memory, never a doubled buffer's slack.
        List<byte[]> chunks = new ArrayList<>();
        byte[] buffer = listener == null ? null : new byte[CHUNK];
        long size = 0;
        try {
            while (true) {
                byte[] chunk = listener == null ? in.readNBytes(CHUNK) : available(in, buffer);
                if (chunk.length == 0) break;
                if (size + chunk.length > max) {
                    throw new TooLarge("more than " + max / (1024 * 1024) + " MiB of output; refused (a file that is "
                            + "a link to a device such as /dev/zero, or output that never ends?)", chunks);
                }
                if (IN_FLIGHT.addAndGet(chunk.length) > MAX_IN_FLIGHT) {
                    IN_FLIGHT.addAndGet(-chunk.length);
                    throw new TooLarge("more than " + MAX_IN_FLIGHT / (1024 * 1024) + " MiB of host output buffered at "
                            + "once; refused", chunks);
                }
                size += chunk.length;
                chunks.add(chunk);
                if (listener != null) listener.chunk(chunks);
            }
            byte[] all = new byte[(int) size];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, all, at, c.length);
                at += c.length;
            }
            return all;
        } finally {
            IN_FLIGHT.addAndGet(-size);
        }
    }

    /** The next bytes as they come (blocking for at least one); empty at the end of the stream. */
    private static byte[] available(InputStream in, byte[] buffer) throws IOException {
        int n = in.read(buffer);
        return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
    }
}
