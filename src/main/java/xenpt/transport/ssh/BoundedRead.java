package xenpt.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every read from a host (a command's stdout or stderr, a file over SFTP) goes through here, so that no host output
 * can exhaust xenpt's memory: a boot file that is a link to {@code /dev/zero} must fail its read, not the process.
 * Two bounds: {@value #MAX_BYTES} bytes per read (60,000 lspci records are ~15 MB), and {@value #MAX_IN_FLIGHT}
 * bytes buffered by all reads of the process at once (many hosts, each with several reads running together).
 */
final class BoundedRead {

    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final long MAX_IN_FLIGHT = 128L * 1024 * 1024;

    private static final AtomicLong IN_FLIGHT = new AtomicLong();
    private static final int CHUNK = 64 * 1024;

    /** A read past a bound; the caller names the host and the read. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private BoundedRead() {}

    /** All of {@code in}, or {@link TooLarge} as soon as it passes {@code max} bytes or the process-wide budget. */
    static byte[] readAll(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long reserved = 0;
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (out.size() + (long) n > max) {
                    throw new TooLarge("more than " + max / (1024 * 1024) + " MiB of output; refused (a file that is "
                            + "a link to a device such as /dev/zero, or output that never ends?)");
                }
                if (IN_FLIGHT.addAndGet(n) > MAX_IN_FLIGHT) {
                    IN_FLIGHT.addAndGet(-n);
                    throw new TooLarge("more than " + MAX_IN_FLIGHT / (1024 * 1024) + " MiB of host output buffered at "
                            + "once; refused");
                }
                reserved += n;
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            IN_FLIGHT.addAndGet(-reserved);
        }
    }
}
