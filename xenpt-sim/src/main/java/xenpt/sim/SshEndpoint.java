package xenpt.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Builds the MINA SSH server of a host: loopback only, its persisted host key, public-key authentication of
 * {@code root} against {@code authorized_keys} (no passwords), exec requests into the command layer, and SFTP rooted
 * in the host tree, where injected faults apply too ({@code sftp-write <path>}, {@code sftp-rename <from> <to>}).
 */
final class SshEndpoint {

    private SshEndpoint() {}

    /**
     * @param goingDown true once the host has started to reboot: new connections are closed at once, so no client
     *     can slip into the server that is about to stop
     */
    static SshServer create(HostContext ctx, Path stateDir, SimpleGeneratorHostKeyProvider hostKeys, int port,
            ExecCommand.Rebooter rebooter, BooleanSupplier goingDown, Traffic traffic) {
        SshServer sshd = SshServer.setUpDefaultServer();
        // Small request/response exchanges: without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms per message.
        org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(hostKeys);
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, key, session) -> user.equals("root")
                && KeyFiles.authorized(stateDir, key));
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                if (goingDown.getAsBoolean()) session.close(true);
                else traffic.connectionOpened();
            }
        });
        Shell shell = new Shell(ctx, traffic);
        sshd.setCommandFactory((channel, line) -> new ExecCommand(line, shell, rebooter, traffic, 0));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(faultListener(ctx));
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(ctx.fs().root()));
        return sshd;
    }

    /** The SFTP side of injected faults ({@code sftp-write}, {@code sftp-rename}) and a full boot disk. */
    static SftpEventListener faultListener(HostContext ctx) {
        return new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle local, long offset,
                    byte[] data, int dataOffset, int dataLen) throws IOException {
                String path = local.getFile().toString();
                if (offset == 0) fault(session, "sftp-write " + path);
                if (ctx.diskFull(path)) throw new IOException("No space left on device");
            }

            /** The EFI system partition is FAT: it has no POSIX modes, and chmod is refused (vfat without "quiet"). */
            @Override
            public void modifyingAttributes(ServerSession session, Path path, java.util.Map<String, ?> attrs)
                    throws IOException {
                if (path.toString().startsWith("/boot/efi/") && attrs.containsKey("permissions")) {
                    throw new java.nio.file.AccessDeniedException(path.toString(), null, "Operation not permitted");
                }
            }

            @Override
            public void moving(ServerSession session, Path src, Path dst, Collection<java.nio.file.CopyOption> opts)
                    throws IOException {
                fault(session, "sftp-rename " + src + " " + dst);
            }

            private void fault(ServerSession session, String op) throws IOException {
                var o = ctx.faults().check(op);
                if (o.isEmpty()) return;
                if (o.get().effect() == Outcome.Effect.HANG) {
                    long end = System.nanoTime() + 60_000_000_000L;
                    while (session.isOpen() && System.nanoTime() < end) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            break;
                        }
                    }
                }
                if (o.get().effect() != Outcome.Effect.NONE) session.close(true);
                throw new IOException(o.get().err().strip());
            }
        };
    }
}
