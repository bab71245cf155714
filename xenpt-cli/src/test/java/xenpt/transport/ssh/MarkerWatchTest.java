package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end of a conversation's first part, found wherever the chunks split it, and only once. */
class MarkerWatchTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A stream that hands out its text in pieces of {@code size} bytes (as channel packets come). */
    private static InputStream pieces(String text, int size) {
        return new ByteArrayInputStream(b(text)) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, size));
            }
        };
    }

    @Test
    void theMarkerIsFoundAcrossChunksAndThePrefixEndsWithIt() throws Exception {
        String text = "round one\n\nabc0123 round2\nround two\n\nabc0123 round2\n";
        for (int size = 1; size <= text.length(); size++) {
            MarkerWatch w = new MarkerWatch(b("\nabc0123 round2\n"));
            byte[] all = BoundedRead.readAll(pieces(text, size), 1024, w);
            assertThat(new String(all, StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(w.seen.getNow(null)).as("chunks of %d", size).isEqualTo(b("round one\n\nabc0123 round2\n"));
        }
    }

    @Test
    void aStreamThatEndsWithoutTheMarkerCompletesWithNull() throws Exception {
        MarkerWatch w = new MarkerWatch(b("\nM\n"));
        w.chunk(List.of(b("no marker\n")));
        assertThat(w.seen).isNotDone();
        w.ended();
        assertThat(w.seen.getNow(b("x"))).isNull();
    }
}
