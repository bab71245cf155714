package xenpt.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * One host of a {@link SimulatedFleet}: its own state directory, command layer and SFTP root, reached on its own port
 * of the fleet's shared SSH server. A reboot closes this host's connections and port only, and the port answers
 * again after the reboot delay, as with {@link SimulatedHost}.
 */
final class FleetHost {

    private final String name;
    private final HostContext ctx;
    private final Shell shell;
    private final Path stateDir;
    private final VirtualFileSystemFactory files;
    private final SftpEventListener sftpFaults;
    private final long latencyMs;
    private final Traffic traffic = new Traffic();
    private volatile FleetEndpoint.Server server;
    private volatile int port;
    private volatile long rebootDelayMs;
    private volatile boolean rebooting;

    FleetHost(String name, HostContext ctx, Path stateDir, long latencyMs) {
        this.name = name;
        this.ctx = ctx;
        this.shell = new Shell(ctx, traffic);
        this.stateDir = stateDir;
        this.files = new VirtualFileSystemFactory(ctx.fs().root());
        this.sftpFaults = SshEndpoint.faultListener(ctx);
        this.latencyMs = latencyMs;
        this.rebootDelayMs = ctx.scenario().rebootDelayMs();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path stateDir() {
        return stateDir;
    }

    Faults faults() {
        return ctx.faults();
    }

    VirtualFileSystemFactory files() {
        return files;
    }

    SftpEventListener sftpFaults() {
        return sftpFaults;
    }

    boolean rebooting() {
        return rebooting;
    }

    void setRebootDelay(Duration d) {
        rebootDelayMs = d.toMillis();
    }

    /** Listens on {@code port} (0: an ephemeral one) of {@code sshd}'s acceptor. */
    void listen(FleetEndpoint.Server sshd, int wanted) throws IOException {
        this.server = sshd;
        this.port = FleetEndpoint.bind(sshd, wanted);
    }

    /** An exec request: the line goes to this host's shell after the fleet's latency, on a virtual thread. */
    Command command(String line) {
        return new ExecCommand(line, shell, this::reboot, traffic, latencyMs);
    }

    synchronized void reboot() {
        if (rebooting) return;
        rebooting = true;
        Thread.ofPlatform().daemon().name("xenpt-sim-reboot-" + name).start(this::rebootNow);
    }

    private void rebootNow() {
        try {
            Thread.sleep(100); // lets the answer to the reboot command reach the client
            server.acceptor().unbind(new InetSocketAddress(SimulatedFleet.LOOPBACK, port));
            for (Session s : server.getActiveSessions()) {
                if (SimulatedFleet.portOf(s) == port) s.close(true);
            }
            ctx.update(s -> s.withVmsHalted(ctx.scenario().hostUuid()));
            if (ctx.faults().rebootNeverReturns()) return;
            Thread.sleep(rebootDelayMs);
            ctx.store().locked(() -> ctx.update(s -> {
                try {
                    return Autostart.atBoot(ctx, Boot.boot(ctx.scenario(), ctx.fs(), s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            rebooting = false;
            FleetEndpoint.bind(server, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rebooting = false;
        }
    }

    Traffic traffic() {
        return traffic;
    }
}
