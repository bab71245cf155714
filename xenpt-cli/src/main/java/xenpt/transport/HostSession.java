package xenpt.transport;

/**
 * One open connection to one host. Implementations are thread-safe: callers may run several commands and file
 * reads at once from different threads, and each runs on its own channel of the same connection.
 */
public interface HostSession extends AutoCloseable {

    /** The host name used in messages. */
    String host();

    /**
     * Runs a command and returns its result whatever its exit code.
     *
     * @throws TransportException when the command could not be run or its result not read (connection lost, timeout)
     */
    CommandResult run(Command command) throws TransportException;

    /**
     * Runs one command whose stdin is a conversation in two parts, on one channel (one process on the host, two round
     * trips): writes {@code command.stdin()} without closing stdin; reads stdout and stderr together until each of
     * them has printed {@code marker}; then asks {@code reply} for the second part, given the text of each stream up
     * to and including its marker, writes it and closes stdin; and returns the whole result as {@link #run} does
     * (each stream's whole text, both parts, and the exit status). When the command ends before both streams printed
     * the marker, {@code reply} is not asked and the result is returned as it is. The output bounds and the timeout
     * of {@link #run} apply to the whole conversation.
     *
     * @throws TransportException when the command could not be run or its result not read, or as {@code reply} threw
     */
    CommandResult converse(Command command, String marker, Reply reply) throws TransportException;

    /** The second part of a {@link #converse} conversation, decided from what the command printed until its marker. */
    @FunctionalInterface
    interface Reply {
        /** The text to write on stdin before it is closed ({@code ""} to close it at once). */
        String to(String stdout, String stderr) throws TransportException;
    }

    /** Reads a whole file. @throws TransportException naming the path when it is absent or unreadable */
    byte[] readFile(String path) throws TransportException;

    /**
     * Writes a whole file (created or truncated) with the given POSIX mode. Callers that need atomic replacement
     * write a temporary file in the same directory and rename it.
     */
    void writeFile(String path, byte[] content, int mode) throws TransportException;

    /**
     * The fingerprint ({@code SHA256:...}) of the host key this session verified, where the transport has one
     * ({@code xenpt import} pins it in the file it writes).
     */
    default java.util.Optional<String> hostKeyFingerprint() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
