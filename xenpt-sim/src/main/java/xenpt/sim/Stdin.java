package xenpt.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stdin of one exec request, read a line at a time and only when a command asks (as {@code sh}'s {@code read}
 * reads it byte by byte), so a command that never reads stdin never waits for the client to close it. A stdin that
 * comes over a channel also carries where the script's output goes ahead of a read ({@link #flush}): a shell's
 * {@code echo} reaches the client before its next {@code read} blocks, and a client may wait for that output before
 * it writes the next line (xenpt's read script in two rounds).
 */
final class Stdin {

    /** A line without its newline; {@code complete} is false when end of file came first. */
    record Line(String text, boolean complete) {}

    /** Where output goes ahead of a read: the channel's stdout and stderr, written and flushed. */
    interface Early {
        void write(String out, String err) throws IOException;
    }

    /** Longest line kept; the rest of a longer line is read and dropped. */
    private static final int MAX_LINE = 64 * 1024;

    static final Stdin EMPTY = new Stdin(InputStream.nullInputStream());

    private final InputStream in;
    private final Early early;
    private final long roundTripMs;
    /** Whether output went ahead of a read before: the client answers once (it writes its second part whole). */
    private boolean flushed;

    Stdin(InputStream in) {
        this(in, null);
    }

    Stdin(InputStream in, Early early) {
        this(in, early, 0);
    }

    private Stdin(InputStream in, Early early, long roundTripMs) {
        this.in = in;
        this.early = early;
        this.roundTripMs = roundTripMs;
    }

    /**
     * The same stdin on a distant host: the first read that waits for the client after output went to it costs a
     * round trip (the output travels to the client, the client's answer back), as the exec request itself does;
     * added to any round trip it already costs. Later reads do not: the client writes its answer whole.
     */
    Stdin withRoundTrip(long millis) {
        return millis == 0 ? this : new Stdin(in, early, roundTripMs + millis);
    }

    static Stdin of(String text) {
        return new Stdin(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends the output so far ahead of a read; false for a stdin given whole (nothing waits: the output stays). */
    synchronized boolean flush(String out, String err) throws IOException {
        if (early == null) return false;
        early.write(out, err);
        boolean first = !flushed;
        flushed = true;
        if (roundTripMs > 0 && first && in.available() == 0) {
            try {
                Thread.sleep(roundTripMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return true;
    }

    synchronized Line readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() < MAX_LINE) line.write(b);
        }
        return new Line(line.toString(StandardCharsets.UTF_8), b == '\n');
    }
}
