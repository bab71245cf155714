package xenpt.apply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xenpt.desired.HideMethod;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.sim.SimulatedHost;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/**
 * A simulated host for the backend tests, reached the way {@code engine.Hosts} reaches {@code sim:} addresses: xenpt's
 * own SSH transport with the host's client key and pinned host key, observed with {@link Observer}.
 */
final class BackendSimHost implements AutoCloseable {

    final String name;
    final SimulatedHost sim;
    private HostSession session;

    private BackendSimHost(String name, SimulatedHost sim) {
        this.name = name;
        this.sim = sim;
    }

    static BackendSimHost start(String scenario, Path dir) throws Exception {
        SimulatedHost sim = SimulatedHost.start(scenario, dir.resolve(scenario));
        sim.setRebootDelay(Duration.ofMillis(200));
        BackendSimHost host = new BackendSimHost(scenario, sim);
        host.reconnect();
        return host;
    }

    HostSession session() {
        return session;
    }

    /** Closes the current session (maybe already dropped by a fault) and opens a new one. */
    void reconnect() throws TransportException {
        if (session != null) session.close();
        SshTarget target = new SshTarget(name, sim.address(), sim.port(), "root", Optional.of(sim.clientKeyFile()),
                sim.stateDirectory().resolve("known_hosts"), Optional.of(sim.hostKeyFingerprint()), Optional.empty());
        session = SshConnector.connect(target, new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(20), false,
                SshOptions.DEFAULT_MAX_CHANNELS, Map.of()));
    }

    ObservedHost observe() throws Exception {
        return Observer.observe(session, name, "sim:" + name, HideMethod.AUTO);
    }

    /** Observes, then applies {@code after} with the backend of the observed method (as the Executor does). */
    void apply(Set<PciAddress> after) throws Exception {
        apply(observe(), after);
    }

    /** Applies {@code after} on the strength of an observation already made. */
    void apply(ObservedHost observed, Set<PciAddress> after) throws Exception {
        HideBackend.of(observed.backend()).apply(session, observed, after);
    }

    /** A file's exact content, read over SFTP (which the command faults of these tests never hit). */
    String file(String path) throws Exception {
        return new String(session.readFile(path), StandardCharsets.UTF_8);
    }

    /** The names in a directory, hidden ones included. */
    List<String> list(String dir) throws Exception {
        CommandResult r = session.run(Command.of("ls", "-a", dir));
        if (!r.ok()) throw new AssertionError(r);
        return Arrays.stream(r.stdout().split("\n")).filter(n -> !n.isBlank() && !n.equals(".") && !n.equals(".."))
                .toList();
    }

    CommandResult run(String... argv) throws TransportException {
        return session.run(new Command(List.of(argv)));
    }

    /** Reboots the host ({@link SimulatedHost#reboot()}) and connects again once it answers. */
    void rebootAndReconnect() throws Exception {
        session.close();
        sim.reboot();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                if (sim.isUp()) {
                    reconnect();
                    return;
                }
            } catch (TransportException e) {
                if (System.nanoTime() > deadline) throw e;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("host did not come back");
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        try {
            if (session != null) session.close();
        } finally {
            sim.close();
        }
    }
}
