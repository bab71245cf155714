package xenpt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.engine.Plurals;
import xenpt.sim.SimulatedFleet;
import xenpt.sim.SimulatedHost;

/**
 * {@code xenpt sim}: the built-in simulated hosts. {@code serve} runs one scenario host, or with {@code --hosts N} a
 * fleet of N hosts derived from the scenario ({@link SimulatedFleet}), until the process is stopped.
 */
@Command(name = "sim", description = "Simulated XenServer / XCP-ng hosts on loopback.",
        subcommands = {SimCommand.Serve.class})
final class SimCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code xenpt sim} alone is bad usage, as {@code xenpt} alone is: its usage, which lists its commands, on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().usage(main.err);
        return ExitCode.ERROR;
    }

    @Command(name = "serve", description = {"Serve one simulated host over SSH on 127.0.0.1 until stopped.",
        "With --hosts N: N hosts derived from the scenario, each on its own port, and in --out DIR a desired state,",
        "known_hosts and client key for them. Stops on SIGTERM, or when stdin (a pipe) closes."})
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        SimCommand sim;

        @picocli.CommandLine.Mixin GlobalOptions.Verbose verboseOptions;

        @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario name or .yaml file (default: ${DEFAULT-VALUE}).")
        String scenario = "wintermute";

        @Option(names = "--state", paramLabel = "DIR",
                description = "State directory (default: $XENPT_SIM_DIR/<scenario> or .xenpt/sim/<scenario>).")
        Path state;

        @Option(names = "--reboot-delay", paramLabel = "MS", description = "How long a reboot keeps the host away.")
        Long rebootDelayMs;

        @Option(names = "--hosts", paramLabel = "N", description = "Serve N hosts host-0001… (needs --out).")
        Integer hosts;

        @Option(names = "--out", paramLabel = "DIR", description = "With --hosts: the hosts' state and the files for clients.")
        Path out;

        @Option(names = "--latency", paramLabel = "MS", description = "With --hosts: every command waits MS first.")
        long latencyMs;

        @Option(names = "--max-sessions", paramLabel = "N",
                description = "With --hosts: channels one connection may open at once, like OpenSSH's MaxSessions (default: no limit).")
        int maxSessions;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Main main = sim.main;
            if (hosts != null || out != null) return serveFleet(main);
            String name = Path.of(scenario).getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Path dir = state != null ? state : SimulatedHost.stateDir(main.env, name);
            SimulatedHost host = SimulatedHost.start(scenario, dir);
            if (rebootDelayMs != null) host.setRebootDelay(Duration.ofMillis(rebootDelayMs));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                host.close();
                stopped.countDown();
            }));
            main.out.println("scenario:    " + host.scenario());
            main.out.println("address:     " + host.address());
            main.out.println("port:        " + host.port());
            main.out.println("host key:    " + host.hostKeyFingerprint());
            main.out.println("client key:  " + host.clientKeyFile());
            main.out.println("state:       " + host.stateDirectory());
            main.out.println("connect:     ssh -i " + host.clientKeyFile() + " -p " + host.port() + " root@"
                    + host.address());
            main.out.flush();
            stopped.await();
            return ExitCode.OK;
        }

        private Integer serveFleet(Main main) throws IOException, InterruptedException {
            if (hosts == null || out == null || hosts < 1 || latencyMs < 0 || maxSessions < 0) {
                main.err.println("xenpt: sim serve: --hosts N (N >= 1) and --out DIR go together; --latency is >= 0");
                return ExitCode.ERROR;
            }
            long start = System.nanoTime();
            SimulatedFleet fleet = SimulatedFleet.start(scenario, hosts, out, latencyMs, maxSessions);
            CountDownLatch stopped = new CountDownLatch(1);
            Runnable stop = () -> {
                fleet.close();
                stopped.countDown();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(stop));
            StdinWatch.onClose(stop);
            xenpt.sim.TrafficLog.start(fleet); // <out>/traffic.tsv: channels and commands per host, for bench/
            main.out.println("desired state: " + fleet.desiredState());
            main.out.println("known hosts:   " + fleet.knownHosts());
            main.out.println("client key:    " + fleet.clientKey());
            main.out.println("host key:      " + fleet.hostKeyFingerprint());
            main.out.println("ready: " + Plurals.count(fleet.size(), "host", "hosts") + " on 127.0.0.1 ports " + fleet.port(0) + "…"
                    + fleet.port(fleet.size() - 1) + " (scenario " + scenario + ", latency " + latencyMs + " ms) in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            main.out.flush();
            stopped.await();
            return ExitCode.OK;
        }
    }
}
