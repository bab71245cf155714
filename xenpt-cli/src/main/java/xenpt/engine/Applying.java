package xenpt.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.apply.ApplyOptions;
import xenpt.apply.ApplyReport;
import xenpt.apply.Durations;
import xenpt.apply.Executor;
import xenpt.apply.HostResult;
import xenpt.apply.NextSteps;
import xenpt.desired.DesiredState;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;

/**
 * The writing workflow: apply a plan to its hosts (progress on stderr; a stop from outside still lets each host write
 * its journal and release its lock), then the report with the hosts left out and the next steps left to do by hand.
 */
public final class Applying {

    private Applying() {}

    /** How long a stopped apply may take to write its journals and release its locks before the JVM exits. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** @param leftOut hosts left out of the plan by {@code --skip-unreachable}, reported as failed */
    public static ApplyReport apply(Session session, ApplyOptions options, Plan plan, DesiredState hosts,
            List<HostResult> leftOut) {
        int changing = (int) plan.hosts().stream().filter(h -> !h.changes().isEmpty()).count();
        Progress progress = Progress.of(session, "applying", changing);
        Executor executor = new Executor(options, progress.countingConnectors(host -> Hosts.connector(host, session)), progress);
        // Stopped from outside, the hosts still get their journal record and their lock released.
        ApplyReport done = Interruptible.run(STOP_GRACE, Optional.of(() -> {
            session.err().println("xenpt: stopping: each host stops at its step, writes its journal and releases its lock"
                    + " (up to " + Durations.format(STOP_GRACE) + ")");
            session.err().flush();
        }), () -> executor.apply(plan, hosts));
        progress.done();
        return done.with(leftOut, NextSteps.of(plan, done, hosts));
    }

    /** Nothing to apply; hosts left out still fail the run, and a reboot still pending is still a next step. */
    public static ApplyReport nothingToApply(Plan plan, DesiredState state, List<HostResult> leftOut) {
        List<HostResult> hosts = plan.hosts().stream().map(h -> new HostResult(h.name(), h.address(), List.of())).toList();
        ApplyReport none = new ApplyReport(plan.planId(), hosts);
        return none.with(leftOut, NextSteps.of(plan, none, state));
    }

    /** The hosts {@code --skip-unreachable} left out of a plan, as failed results of the apply. */
    public static List<HostResult> leftOut(List<HostPlan> gone) {
        return gone.stream().map(h -> HostResult.unreachable(h.name(), h.address(), Fleet.reason(h))).toList();
    }

    /** {@code user@client host} for the lock's owner file (and force-unlock's journal record). */
    public static String owner(Map<String, String> env) {
        String user = env.getOrDefault("USER", env.getOrDefault("LOGNAME", System.getProperty("user.name")));
        String host = env.get("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown-host";
            }
        }
        return user + "@" + host;
    }
}
