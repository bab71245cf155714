package xenpt.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stdin of one exec request, read a line at a time and only when a command asks (as {@code sh}'s {@code read}
 * reads it byte by byte), so a command that never reads stdin never waits for the client to close it.
 */
final class Stdin {

    /** A line without its newline; {@code complete} is false when end of file came first. */
    record Line(String text, boolean complete) {}

    /** Longest line kept; the rest of a longer line is read and dropped. */
    private static final int MAX_LINE = 64 * 1024;

    static final Stdin EMPTY = new Stdin(InputStream.nullInputStream());

    private final InputStream in;

    Stdin(InputStream in) {
        this.in = in;
    }

    static Stdin of(String text) {
        return new Stdin(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
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
