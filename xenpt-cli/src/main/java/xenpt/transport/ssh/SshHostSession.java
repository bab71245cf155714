package xenpt.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * One sshj connection. Each {@link #run} (and {@link #converse}) opens its own session channel, so callers on several threads run
 * commands at once; at most {@code maxChannels} are open together, fewer once the server shows its own limit
 * ({@link ChannelGate}). Files go
 * through one SFTP subsystem opened on first use and reused; its operations are serialised.
 */
final class SshHostSession implements HostSession {

    private final String name;
    private final SSHClient ssh;
    private final ChannelGate channels;
    private final long timeoutMs;
    private final ReentrantLock sftpLock = new ReentrantLock();
    private SFTPClient sftp;

    private final java.util.Optional<String> hostKeyFingerprint;

    SshHostSession(String name, SSHClient ssh, SshOptions options) {
        this(name, ssh, options, java.util.Optional.empty());
    }

    SshHostSession(String name, SSHClient ssh, SshOptions options, java.util.Optional<String> hostKeyFingerprint) {
        this.hostKeyFingerprint = hostKeyFingerprint;
        this.name = name;
        this.ssh = ssh;
        this.channels = new ChannelGate(options.maxChannels());
        this.timeoutMs = options.commandTimeout().toMillis();
    }

    @Override
    public String host() {
        return name;
    }

    @Override
    public java.util.Optional<String> hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        return onChannel(command, (channel, deadline) -> ChannelStreams.exec(channel, command, deadline));
    }

    @Override
    public CommandResult converse(Command command, String marker, Reply reply) throws TransportException {
        return onChannel(command, (channel, deadline) -> ChannelStreams.converse(channel, command, marker, reply, deadline));
    }

    /** What runs on one session channel before the deadline. */
    private interface ChannelWork {
        CommandResult on(Session channel, long deadline)
                throws IOException, InterruptedException, ExecutionException, TimeoutException, TransportException;
    }

    /** {@code work} on a new channel within the channel limit and the command timeout; failures name the host. */
    private CommandResult onChannel(Command command, ChannelWork work) throws TransportException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            for (int refused = 0; ; refused++) {
                channels.acquire(deadline);
                try {
                    Session session = openChannel(refused);
                    if (session != null) return work.on(session, deadline);
                } finally {
                    channels.release();
                }
            }
        } catch (TimeoutException e) {
            throw failure(command, "timed out after " + timeoutMs / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(command, "interrupted", e);
        } catch (IOException | ExecutionException | RuntimeException e) {
            throw failure(command, Failures.reason(e), e);
        }
    }

    /**
     * A new session channel, or null when the server refused it at its channel limit (then try again). A refusal
     * while this caller holds the only slot may still be the limit: the server counts channels until it has
     * processed their close, which can trail the client's by a moment, so such a refusal is retried a few times
     * after a short pause before it counts.
     */
    private Session openChannel(int refusedBefore) throws IOException, InterruptedException {
        try {
            return ssh.startSession();
        } catch (OpenFailException e) {
            if (channels.refusedAtLimit()) return null;
            if (refusedBefore >= CLOSE_LAG_RETRIES) throw e;
            Thread.sleep(20L << refusedBefore);
            return null;
        }
    }

    /** Retries of a refusal while no other channel is open (20, 40, 80, 160 ms apart). */
    private static final int CLOSE_LAG_RETRIES = 4;

    private TransportException failure(Command command, String reason, Throwable cause) {
        String message = name + ": " + command.summary() + " failed: " + reason;
        if (cause instanceof BoundedRead.TooLarge t && reason.startsWith("stdout: ")) {
            return new xenpt.transport.OutputTooLarge(message, reason, t.chunks(), cause);
        }
        return new TransportException(message, cause);
    }

    @Override
    public byte[] readFile(String path) throws TransportException {
        sftpLock.lock();
        try (RemoteFile file = sftp().open(path, EnumSet.of(OpenMode.READ));
                InputStream in = file.new RemoteFileInputStream()) {
            return BoundedRead.readAll(in, BoundedRead.MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            throw new TransportException(name + ": read " + path + " failed: " + Failures.reason(e), e);
        } finally {
            sftpLock.unlock();
        }
    }

    @Override
    public void writeFile(String path, byte[] content, int mode) throws TransportException {
        sftpLock.lock();
        try {
            // Created with the server's defaults, then the mode set on its own (best effort, see setMode).
            try (RemoteFile file = sftp().open(path, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC), FileAttributes.EMPTY);
                    var out = file.new RemoteFileOutputStream()) {
                out.write(content);
            }
            setMode(path, mode);
        } catch (IOException | RuntimeException e) {
            throw new TransportException(name + ": write " + path + " failed: " + Failures.reason(e), e);
        } finally {
            sftpLock.unlock();
        }
    }

    /**
     * The server applies its umask to the mode given at creation, so the mode is set again. Best effort: on a FAT
     * file system (a UEFI host's {@code /boot/efi}) chmod is refused and the mount options decide the mode; the content,
     * which is what the caller verifies, is already written. None of xenpt's remote files is secret.
     */
    private void setMode(String path, int mode) throws IOException {
        try {
            sftp.chmod(path, mode);
        } catch (net.schmizz.sshj.sftp.SFTPException e) {
            if (e.getStatusCode() != net.schmizz.sshj.sftp.Response.StatusCode.PERMISSION_DENIED
                    && e.getStatusCode() != net.schmizz.sshj.sftp.Response.StatusCode.OP_UNSUPPORTED) {
                throw e;
            }
        }
    }

    /** The connection's SFTP subsystem; callers hold {@code sftpLock}. */
    private SFTPClient sftp() throws IOException {
        if (sftp == null) {
            sftp = ssh.newSFTPClient();
            sftp.getSFTPEngine().setTimeoutMs((int) Math.min(Integer.MAX_VALUE, timeoutMs));
        }
        return sftp;
    }

    @Override
    public void close() {
        sftpLock.lock();
        try {
            if (sftp != null) sftp.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection goes away next anyway
        } finally {
            sftpLock.unlock();
        }
        SshConnector.closeQuietly(ssh);
    }
}
