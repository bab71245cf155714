import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.DesiredState;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HostSpec;
import xenpt.observed.FleetObserver;
import xenpt.observed.Observation;
import xenpt.observed.ObservedHost;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.sim.SimulatedFleet;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/**
 * The planner alone over a large fleet (SPEC §9: 10,000 hosts in under 1 s). Real inputs: a small simulated fleet
 * (default 10 hosts of 20 VMs and 30 devices, one in five with changes) is served, loaded and observed over SSH
 * once; its desired hosts and observations are then repeated under new names up to the wanted size, and only
 * {@code Planner.plan} is timed, after warm-up iterations.
 *
 * <p>Run (from the repository root, after {@code ./xenpt --version} has built the jar):
 * {@code java -cp target/xenpt.jar bench/PlannerBench.java [hosts] [warmup] [iterations]}
 */
public class PlannerBench {

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int distinct = 10;
        Path dir = Files.createTempDirectory("xenpt-planner-bench");
        List<HostSpec> specs;
        List<Observation> observed;
        try (SimulatedFleet fleet = SimulatedFleet.start("wintermute", distinct, dir, 0)) {
            specs = DesiredStateLoader.load(fleet.desiredState()).state().orElseThrow().hosts();
            observed = FleetObserver.observeAll(specs, distinct, PlannerBench::connect, line -> {});
        }
        List<HostSpec> manySpecs = new ArrayList<>();
        List<Observation> manyObserved = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String name = String.format("host-%05d", i + 1);
            HostSpec s = specs.get(i % distinct);
            manySpecs.add(new HostSpec(name, s.address(), s.ssh(), s.method(), s.policy(), s.hide(), s.vms(), s.location()));
            ObservedHost o = ((Observation.Reached) observed.get(i % distinct)).host();
            manyObserved.add(new Observation.Reached(new ObservedHost(name, o.address(), o.info(), o.backend(), o.boot(),
                    o.runtime(), o.devices(), o.vms(), o.managementDevices(), o.rootDiskDevices(), o.pciObjects())));
        }
        DesiredState desired = new DesiredState(manySpecs, "bench", Optional.empty());
        System.out.printf("planner: %d hosts (%d distinct, %d VMs and %d devices observed on the first)%n", hosts,
                distinct, ((Observation.Reached) observed.get(0)).host().vms().size(),
                ((Observation.Reached) observed.get(0)).host().devices().size());
        for (int i = 0; i < warmup; i++) Planner.plan(desired, manyObserved, PlanOptions.ALL);
        long[] ms = new long[iterations];
        Plan plan = null;
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            plan = Planner.plan(desired, manyObserved, PlanOptions.ALL);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("planner: %s; %d warm-up + %d timed runs: min %d ms, median %d ms, max %d ms%n",
                plan.summary(), warmup, iterations, ms[0], ms[iterations / 2], ms[iterations - 1]);
    }

    private static xenpt.transport.HostSession connect(HostSpec h) throws xenpt.transport.TransportException {
        SshTarget t = new SshTarget(h.name(), h.address(), h.ssh().port(), h.ssh().user(),
                Optional.of(Path.of(h.ssh().identityFile())), Path.of(h.ssh().knownHosts()), Optional.empty(),
                Optional.empty());
        return SshConnector.connect(t, new SshOptions(Duration.ofSeconds(15), Duration.ofSeconds(60), false,
                SshOptions.DEFAULT_MAX_CHANNELS, Map.of()));
    }
}
