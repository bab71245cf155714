package xenpt.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Many simulated hosts ({@code host-0001} …) derived from one scenario by {@link FleetScenarios}, each on its own
 * 127.0.0.1 port of one shared SSH server, each with its own state directory ({@code <dir>/hosts/<name>}). They share
 * one host key and accept one client key, so the fleet costs a directory and a few objects per host. The directory
 * also receives {@code desired-state.yaml}, {@code known_hosts} and {@code id_ed25519} (see {@link FleetFiles}).
 * A host's state persists in its directory, so a fleet restarted on the same directory keeps its changes.
 */
public final class SimulatedFleet implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private final Path dir;
    private final List<FleetHost> hosts;
    private final Map<Integer, FleetHost> byPort = new ConcurrentHashMap<>();
    private final FleetEndpoint.Server server;
    private final PublicKey hostKey;

    private SimulatedFleet(Path dir, List<FleetHost> hosts, SimpleGeneratorHostKeyProvider keys) {
        this.dir = dir;
        this.hosts = List.copyOf(hosts);
        this.hostKey = KeyFiles.hostPublicKey(keys);
        this.server = FleetEndpoint.create(keys, s -> byPort.get(portOf(s)));
    }

    /**
     * Creates (or reopens) {@code count} hosts from {@code scenario} under {@code dir} and serves them.
     *
     * @param latencyMs how long every command waits before it runs, like a distant host (0: none)
     */
    public static SimulatedFleet start(String scenario, int count, Path dir, long latencyMs) throws IOException {
        return start(scenario, count, dir, latencyMs, 0);
    }

    /**
     * As {@link #start(String, int, Path, long)}, with at most {@code maxChannels} channels open at once on one
     * connection (0: no limit), as OpenSSH's {@code MaxSessions} (10 by default) limits real hosts.
     */
    public static SimulatedFleet start(String scenario, int count, Path dir, long latencyMs, int maxChannels)
            throws IOException {
        if (count < 1) throw new IllegalArgumentException("a fleet needs at least one host");
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("hosts"));
        FleetScenarios gen = FleetScenarios.of(scenario);
        String clientKey = FleetFiles.ensureClientKey(root);
        List<FleetHost> hosts = openAll(gen, count, root, clientKey, latencyMs);
        SimulatedFleet fleet = new SimulatedFleet(root, hosts, KeyFiles.hostKeys(root));
        if (maxChannels > 0) fleet.server.setChannelFactories(List.of(new SessionLimit(maxChannels)));
        try {
            for (FleetHost h : hosts) {
                h.listen(fleet.server, 0);
                fleet.byPort.put(h.port(), h);
            }
            FleetFiles.writeKnownHosts(fleet.knownHosts(), hosts, fleet.hostKey);
            FleetFiles.writeDesiredState(fleet.desiredState(), root, scenario, hosts, gen);
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** Sets up the hosts' state directories, several at once (the first start writes a few hundred files each). */
    private static List<FleetHost> openAll(FleetScenarios gen, int count, Path root, String clientKey, long latencyMs)
            throws IOException {
        List<Future<FleetHost>> pending = new ArrayList<>();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 1; i <= count; i++) {
                int n = i;
                pending.add(pool.submit(() -> openOne(gen, n, root, clientKey, latencyMs)));
            }
            List<FleetHost> out = new ArrayList<>();
            for (Future<FleetHost> f : pending) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the hosts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("cannot create the hosts: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static FleetHost openOne(FleetScenarios gen, int i, Path root, String clientKey, long latencyMs)
            throws IOException {
        String name = FleetScenarios.hostName(i);
        Path stateDir = root.resolve("hosts").resolve(name);
        Files.createDirectories(stateDir);
        Path copy = stateDir.resolve("scenario.yaml");
        if (!Files.exists(copy)) StateStore.writeAtomically(copy, gen.scenarioYaml(i));
        FleetFiles.shareClientKey(root, stateDir, clientKey);
        return new FleetHost(name, HostSetup.open(name, stateDir), stateDir, latencyMs);
    }

    /** The port a session arrived on: which host it is talking to. */
    static int portOf(Session s) {
        SocketAddress a = s.getIoSession().getAcceptanceAddress();
        if (a == null) a = s.getIoSession().getLocalAddress();
        return a instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }

    public Path directory() {
        return dir;
    }

    public int size() {
        return hosts.size();
    }

    /** The hosts' names in order: {@code host-0001} … */
    public List<String> names() {
        return hosts.stream().map(FleetHost::name).toList();
    }

    /** The port of host {@code index} (0-based). */
    public int port(int index) {
        return hosts.get(index).port();
    }

    /** Fault injection for host {@code index} (0-based), as {@link SimulatedHost#faults()}. */
    public Faults faults(int index) {
        return hosts.get(index).faults();
    }

    /** What clients did to host {@code index} (0-based), as {@link SimulatedHost#traffic()}. */
    public Traffic traffic(int index) {
        return hosts.get(index).traffic();
    }

    public Path desiredState() {
        return dir.resolve("desired-state.yaml");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** The unencrypted OpenSSH ed25519 key every host accepts for {@code root}. */
    public Path clientKey() {
        return dir.resolve(FleetFiles.CLIENT_KEY);
    }

    /** {@code SHA256:…} of the host key all hosts share. */
    public String hostKeyFingerprint() {
        return KeyFiles.fingerprint(hostKey);
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // closing: nothing left to do with a server that does not stop cleanly
        }
    }
}
