package xenpt.transport;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A command whose stdout passed the transport's size bound, with what it had printed until then, so that a caller
 * running several reads as one script can tell which of them never ended and name it.
 */
public final class OutputTooLarge extends TransportException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient List<byte[]> stdoutChunks;

    public OutputTooLarge(String message, String reason, List<byte[]> stdoutChunks, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.stdoutChunks = List.copyOf(stdoutChunks);
    }

    /** Why the read was refused, e.g. {@code stdout: more than 32 MiB of output; refused (…)}. */
    public String reason() {
        return reason;
    }

    /** The stdout received before the bound (up to the bound's size). */
    public byte[] partialStdout() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        if (stdoutChunks != null) stdoutChunks.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
