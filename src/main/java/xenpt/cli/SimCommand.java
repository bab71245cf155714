package xenpt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.sim.SimulatedHost;

/**
 * {@code xenpt sim}: the built-in simulated hosts. {@code serve} runs one scenario host until the process is stopped
 * (a {@code --hosts N} form serving many hosts is planned; it will live beside this one as its own option set).
 */
@Command(name = "sim", description = "Simulated XenServer / XCP-ng hosts on loopback.",
        subcommands = {SimCommand.Serve.class})
final class SimCommand implements Runnable {

    @ParentCommand
    Main main;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(main.out);
    }

    @Command(name = "serve", description = "Serve one simulated host over SSH on 127.0.0.1 until stopped.")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        SimCommand sim;

        @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario name or .yaml file (default: ${DEFAULT-VALUE}).")
        String scenario = "wintermute";

        @Option(names = "--state", paramLabel = "DIR",
                description = "State directory (default: $XENPT_SIM_DIR/<scenario> or .xenpt/sim/<scenario>).")
        Path state;

        @Option(names = "--reboot-delay", paramLabel = "MS", description = "How long a reboot keeps the host away.")
        Long rebootDelayMs;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Main main = sim.main;
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
    }
}
