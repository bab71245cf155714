package xenpt.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link HostSession} that forwards everything to another; decorators (tracing with {@code --verbose}, progress
 * counting) override only what they watch, so each stays one small class however the interface grows.
 */
public abstract class ForwardingSession implements HostSession {

    protected final HostSession delegate;

    protected ForwardingSession(HostSession delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String host() {
        return delegate.host();
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        return delegate.run(command);
    }

    @Override
    public CommandResult converse(Command command, String marker, Reply reply) throws TransportException {
        return delegate.converse(command, marker, reply);
    }

    @Override
    public byte[] readFile(String path) throws TransportException {
        return delegate.readFile(path);
    }

    @Override
    public void writeFile(String path, byte[] content, int mode) throws TransportException {
        delegate.writeFile(path, content, mode);
    }

    @Override
    public Optional<String> hostKeyFingerprint() {
        return delegate.hostKeyFingerprint();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
