package xenpt.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import xenpt.apply.HostConnector;
import xenpt.desired.HostSpec;
import xenpt.desired.SshSettings;
import xenpt.sim.SimulatedHost;
import xenpt.transport.ForwardingSession;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/**
 * Turns a host of the desired state (or an {@code --address}) into a connected {@link HostSession}: real SSH, or
 * for {@code sim:<scenario>} a simulated host started for the session (its state in {@code $XENPT_SIM_DIR} or
 * {@code .xenpt/sim}), reached over SSH with its own client key and pinned host key.
 */
public final class Hosts {

    private Hosts() {}

    /** A session to the host; with {@code --verbose}, every command on it is traced to stderr. */
    public static HostSession connect(HostSpec spec, Session session) throws TransportException {
        return TracedSession.of(open(spec, session), session);
    }

    private static HostSession open(HostSpec spec, Session session) throws TransportException {
        Map<String, String> env = session.env();
        SshOptions options = options(session);
        if (spec.simulated()) return connectSimulated(spec, options, env);
        SshSettings s = spec.ssh();
        SshTarget target = new SshTarget(spec.name(), spec.address(), s.port(), s.user(),
                Optional.ofNullable(s.identityFile()).map(p -> expand(p, env)),
                expand(s.knownHosts() == null ? "~/.ssh/known_hosts" : s.knownHosts(), env),
                Optional.ofNullable(s.hostKey()), Optional.ofNullable(s.passwordEnv()));
        return SshConnector.connect(target, options);
    }

    /**
     * Sessions to {@code spec} as often as apply needs them (again after a reboot). For {@code sim:} one simulated
     * host is started on first use and stays up across reconnects (a reboot brings it back on the same port) until
     * the connector is closed.
     */
    public static HostConnector connector(HostSpec spec, Session session) {
        if (spec.simulated()) return new SimConnector(spec, session);
        return new HostConnector() {
            @Override
            public HostSession connect() throws TransportException {
                return Hosts.connect(spec, session);
            }

            @Override
            public void close() {
                // nothing held between sessions
            }
        };
    }

    private static SshOptions options(Session session) {
        return new SshOptions(Duration.ofSeconds(15), Duration.ofSeconds(120), session.acceptNewHostKeys(),
                SshOptions.DEFAULT_MAX_CHANNELS, session.env());
    }

    private static HostSession connectSimulated(HostSpec spec, SshOptions options, Map<String, String> env)
            throws TransportException {
        SimulatedHost sim = startSimulated(spec, env);
        try {
            return new SimSession(SshConnector.connect(simTarget(spec, sim, env), options), sim);
        } catch (TransportException | RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private static SimulatedHost startSimulated(HostSpec spec, Map<String, String> env) throws TransportException {
        String scenario = spec.address().substring("sim:".length());
        try {
            return SimulatedHost.start(scenario, SimulatedHost.stateDir(env, scenario));
        } catch (IOException | RuntimeException e) {
            throw new TransportException(spec.name() + ": start simulated host '" + scenario + "' failed: " + e.getMessage(), e);
        }
    }

    private static SshTarget simTarget(HostSpec spec, SimulatedHost sim, Map<String, String> env) {
        return new SshTarget(spec.name(), sim.address(), sim.port(), "root", Optional.of(sim.clientKeyFile()),
                expand("~/.ssh/known_hosts", env), Optional.of(sim.hostKeyFingerprint()), Optional.empty());
    }

    /** {@code ~} and {@code ~/x} relative to {@code $HOME}. */
    static Path expand(String path, Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (path.equals("~")) return Path.of(home);
        if (path.startsWith("~/")) return Path.of(home, path.substring(2));
        return Path.of(path);
    }

    /** One simulated host for the whole apply of a host; each session is a new SSH connection to it. */
    private static final class SimConnector implements HostConnector {
        private final HostSpec spec;
        private final Session session;
        private SimulatedHost sim;

        SimConnector(HostSpec spec, Session session) {
            this.spec = spec;
            this.session = session;
        }

        @Override
        public synchronized HostSession connect() throws TransportException {
            if (sim == null) sim = startSimulated(spec, session.env());
            return TracedSession.of(SshConnector.connect(simTarget(spec, sim, session.env()), options(session)), session);
        }

        @Override
        public synchronized void close() {
            if (sim != null) sim.close();
        }
    }

    /** A session to a simulated host; closing it stops the host too. */
    private static final class SimSession extends ForwardingSession {
        private final SimulatedHost sim;

        SimSession(HostSession ssh, SimulatedHost sim) {
            super(ssh);
            this.sim = sim;
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                sim.close();
            }
        }
    }
}
