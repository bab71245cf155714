package xenpt.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import xenpt.sim.SimulatedHost;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/** A test's own look at a simulated host, behind xenpt's back: commands over SSH with the host's pinned key. */
public final class SimShell {

    private SimShell() {}

    public static HostSession connect(SimulatedHost sim) throws Exception {
        SshTarget target = new SshTarget(sim.scenario(), sim.address(), sim.port(), "root", Optional.of(sim.clientKeyFile()),
                Path.of("/nonexistent/known_hosts"), Optional.of(sim.hostKeyFingerprint()), Optional.empty());
        return SshConnector.connect(target, SshOptions.defaults(Map.of(), false));
    }

    /** Starts the host on its state directory, runs one command, stops it. */
    public static CommandResult run(Path stateDir, String scenario, String program, String... args) throws Exception {
        try (SimulatedHost sim = SimulatedHost.start(scenario, stateDir); HostSession s = connect(sim)) {
            return s.run(Command.of(program, args));
        }
    }
}
