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
