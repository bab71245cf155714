package xenpt.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Watches one output stream for a marker (the end of a conversation's first part, {@code HostSession.converse}):
 * {@link #seen} completes with the stream's bytes up to and including the first marker, or with null when the stream
 * ended (or failed) before it. Only the last chunk and the few bytes before it are searched each time, so watching
 * costs no copy of the whole output until the marker is found.
 */
final class MarkerWatch implements BoundedRead.Listener {

    final CompletableFuture<byte[]> seen = new CompletableFuture<>();
    private final byte[] marker;
    /** The last {@code marker.length - 1} bytes before the new chunk: a marker may span two chunks. */
    private byte[] tail = new byte[0];
    private long offset;

    MarkerWatch(byte[] marker) {
        if (marker.length == 0) throw new IllegalArgumentException("empty marker");
        this.marker = marker.clone();
    }

    @Override
    public void chunk(List<byte[]> chunks) {
        if (seen.isDone()) return;
        byte[] chunk = chunks.get(chunks.size() - 1);
        ByteArrayOutputStream window = new ByteArrayOutputStream(tail.length + chunk.length);
        window.writeBytes(tail);
        window.writeBytes(chunk);
        byte[] w = window.toByteArray();
        long windowStart = offset - tail.length;
        int at = indexOf(w);
        if (at >= 0) {
            seen.complete(prefix(chunks, windowStart + at + marker.length));
            return;
        }
        offset += chunk.length;
        tail = Arrays.copyOfRange(w, Math.max(0, w.length - (marker.length - 1)), w.length);
    }

    /** The stream ended (or failed): no marker will come. */
    void ended() {
        seen.complete(null);
    }

    private int indexOf(byte[] w) {
        for (int i = 0; i + marker.length <= w.length; i++) {
            if (Arrays.equals(w, i, i + marker.length, marker, 0, marker.length)) return i;
        }
        return -1;
    }

    private static byte[] prefix(List<byte[]> chunks, long length) {
        byte[] out = new byte[(int) length];
        int at = 0;
        for (byte[] c : chunks) {
            int n = (int) Math.min(c.length, length - at);
            System.arraycopy(c, 0, out, at, n);
            at += n;
            if (at == length) break;
        }
        return out;
    }
}
