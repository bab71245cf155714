package xenpt.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The one MINA SSH server of a {@link SimulatedFleet}: it listens on every host's port and hands each connection to
 * the host that owns the port it arrived on (authentication, exec, SFTP root and faults). One server and its few
 * I/O threads serve a thousand hosts, where a server per host would cost a thread pool each.
 */
final class FleetEndpoint {

    private FleetEndpoint() {}

    /** @param hostOf the host behind a session (by the port it arrived on), or null when the port has none */
    static Server create(KeyPairProvider hostKeys, Function<Session, FleetHost> hostOf) {
        Server sshd = (Server) ServerBuilder.builder().factory(Server::new).build();
        sshd.setHost(SimulatedFleet.LOOPBACK);
        sshd.setKeyPairProvider(hostKeys);
        // Small request/answer packets: without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms stalls.
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, key, session) -> {
            FleetHost h = hostOf.apply(session);
            return h != null && user.equals("root") && KeyFiles.authorized(h.stateDir(), key);
        });
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                FleetHost h = hostOf.apply(session);
                if (h == null || h.rebooting()) session.close(true);
                else h.traffic().connectionOpened();
            }
        });
        sshd.setCommandFactory((channel, line) -> hostOf.apply(channel.getSession()).command(line));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(faults(hostOf));
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new FileSystemFactory() {
            @Override
            public Path getUserHomeDir(SessionContext session) throws IOException {
                return hostOf.apply((Session) session).files().getUserHomeDir(session);
            }

            @Override
            public FileSystem createFileSystem(SessionContext session) throws IOException {
                return hostOf.apply((Session) session).files().createFileSystem(session);
            }
        });
        return sshd;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: an ephemeral port) and returns the port: the first address through
     * {@link SshServer#start()}, the others on the running server's acceptor.
     */
    static synchronized int bind(Server sshd, int port) throws IOException {
        if (!sshd.isStarted()) {
            sshd.setPort(port);
            sshd.start();
            return sshd.getPort();
        }
        Set<SocketAddress> before = new HashSet<>(sshd.acceptor().getBoundAddresses());
        sshd.acceptor().bind(new InetSocketAddress(SimulatedFleet.LOOPBACK, port));
        if (port != 0) return port;
        for (SocketAddress a : sshd.acceptor().getBoundAddresses()) {
            if (!before.contains(a)) return ((InetSocketAddress) a).getPort();
        }
        throw new IOException("bound 127.0.0.1:0 but cannot tell which port it got");
    }

    /** MINA's server with its acceptor reachable, to listen on more ports than the one it starts with. */
    static final class Server extends SshServer {
        IoAcceptor acceptor() {
            return acceptor;
        }
    }

    private static SftpEventListener faults(Function<Session, FleetHost> hostOf) {
        return new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle local, long offset,
                    byte[] data, int dataOffset, int dataLen) throws IOException {
                hostOf.apply(session).sftpFaults().writing(session, remoteHandle, local, offset, data, dataOffset, dataLen);
            }

            @Override
            public void moving(ServerSession session, Path src, Path dst, Collection<java.nio.file.CopyOption> opts)
                    throws IOException {
                hostOf.apply(session).sftpFaults().moving(session, src, dst, opts);
            }
        };
    }
}
