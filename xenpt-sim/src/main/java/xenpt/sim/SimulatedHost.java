package xenpt.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A simulated XenServer / XCP-ng host behind a real SSH server on 127.0.0.1. Its state lives in a directory (see
 * {@link #stateDir}), so several processes may serve and change the same host. A reboot (the {@code reboot} command
 * or {@link #reboot()}) drops every connection, keeps the port closed for the reboot delay, then boots from the boot
 * configuration and listens again on the same port. Faults for tests: {@link #faults()}.
 */
public final class SimulatedHost implements AutoCloseable {

    private final HostContext ctx;
    private final Path stateDir;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private final PublicKey hostKey;
    private final int port;
    private final Traffic traffic = new Traffic();
    private volatile SshServer server;
    private volatile long rebootDelayMs;
    private volatile boolean rebooting;
    private volatile boolean closed;

    private SimulatedHost(HostContext ctx, Path stateDir) throws IOException {
        this.ctx = ctx;
        this.stateDir = stateDir;
        this.hostKeys = KeyFiles.hostKeys(stateDir);
        this.hostKey = KeyFiles.hostPublicKey(hostKeys);
        this.rebootDelayMs = ctx.scenario().rebootDelayMs();
        this.server = SshEndpoint.create(ctx, stateDir, hostKeys, 0, this::reboot, () -> rebooting, traffic);
        server.start();
        this.port = server.getPort();
    }

    /**
     * Starts a simulated host for {@code scenario} (the file {@code examples/sim/<scenario>.yaml}, packaged as the
     * classpath resource {@code xenpt/sim/scenarios/<scenario>.yaml}, or a path to a scenario {@code .yaml} file) with
     * its persisted state in {@code stateDir} (created from the scenario when absent, reused otherwise), listening on
     * 127.0.0.1 on an ephemeral port.
     */
    public static SimulatedHost start(String scenario, Path stateDir) throws IOException {
        Path dir = stateDir.toAbsolutePath().normalize();
        return new SimulatedHost(HostSetup.open(scenario, dir), dir);
    }

    /** The state directory for {@code scenario}: {@code $XENPT_SIM_DIR/<scenario>} or {@code ./.xenpt/sim/<scenario>}. */
    public static Path stateDir(Map<String, String> env, String scenario) {
        String root = env.get("XENPT_SIM_DIR");
        return (root == null || root.isBlank() ? Path.of(".xenpt", "sim") : Path.of(root)).resolve(scenario);
    }

    public String address() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code SHA256:<base64 without padding>}, as OpenSSH prints it. */
    public String hostKeyFingerprint() {
        return KeyFiles.fingerprint(hostKey);
    }

    public PublicKey hostKey() {
        return hostKey;
    }

    /** An unencrypted OpenSSH private key file that the host accepts for user {@code root}. */
    public Path clientKeyFile() {
        return KeyFiles.clientKeyFile(stateDir);
    }

    public Path stateDirectory() {
        return stateDir;
    }

    /** The scenario's name (or file) this host was created from. */
    public String scenario() {
        return ctx.scenario().name();
    }

    /** Fault injection, shared through the state directory with every process serving this host. */
    /** Connections and commands seen since start (counted across reboots). */
    public Traffic traffic() {
        return traffic;
    }

    public Faults faults() {
        return ctx.faults();
    }

    /** How long a reboot keeps the host away (default: the scenario's {@code reboot-delay-ms}). */
    public void setRebootDelay(Duration delay) {
        this.rebootDelayMs = delay.toMillis();
    }

    /** Whether the SSH server is listening (false while the host reboots). */
    public boolean isUp() {
        SshServer s = server;
        return !rebooting && s != null && s.isStarted();
    }

    /** Reboots the host in the background: connections drop now, the host answers again after the delay. */
    public synchronized void reboot() {
        if (rebooting || closed) return;
        rebooting = true;
        Thread.ofPlatform().daemon().name("xenpt-sim-reboot-" + port).start(this::rebootNow);
    }

    private void rebootNow() {
        try {
            Thread.sleep(100); // lets the answer to the reboot command reach the client
            SshServer old = server;
            old.stop(true);
            ctx.update(s -> s.withVmsHalted(ctx.scenario().hostUuid()));
            boolean never = ctx.faults().rebootNeverReturns();
            if (never) {
                // Down for as long as this simulator serves it; the next one to open the state boots it.
                java.nio.file.Files.writeString(stateDir.resolve(HostSetup.DOWN), "");
                return;
            }
            Thread.sleep(rebootDelayMs);
            ctx.store().locked(() -> {
                ctx.update(this::bootOrThrow);
                return null;
            });
            listenAgain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rebooting = false;
        }
    }

    private HostState bootOrThrow(HostState s) {
        try {
            return Autostart.atBoot(ctx, Boot.boot(ctx.scenario(), ctx.fs(), s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void listenAgain() throws IOException, InterruptedException {
        for (int attempt = 0; !closed; attempt++) {
            SshServer next = SshEndpoint.create(ctx, stateDir, hostKeys, port, this::reboot, () -> rebooting, traffic);
            try {
                rebooting = false;
                next.start();
                server = next;
                return;
            } catch (IOException e) {
                rebooting = true;
                if (attempt > 50) throw e;
                Thread.sleep(100);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            server.stop(true);
        } catch (IOException e) {
            // closing: nothing left to do with a server that does not stop cleanly
        }
    }
}
