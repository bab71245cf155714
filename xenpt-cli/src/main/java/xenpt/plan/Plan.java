package xenpt.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan: per host, what would change and why, and what was found. A value that explains itself; rendering and
 * applying are separate.
 *
 * @param hosts         sorted by name
 * @param planId        identifies the plan in the host journal and lock
 * @param desiredDigest the desired state's digest ({@link xenpt.desired.DesiredState#digest()})
 * @param commit        the desired state's git commit, when known
 */
public record Plan(List<HostPlan> hosts, String planId, String desiredDigest, Optional<String> commit) {

    /**
     * Counts for the summary line.
     *
     * @param reboots    hosts with a change that needs a reboot
     * @param vmRestarts VMs that need a halt and start
     */
    public record Summary(int changes, int hostsWithChanges, int reboots, int vmRestarts) {}

    public Plan {
        hosts = hosts.stream().sorted(Comparator.comparing(HostPlan::name)).toList();
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(desiredDigest, "desiredDigest");
        Objects.requireNonNull(commit, "commit");
    }

    /** True when a host has an error or was unreachable: nothing may be applied. */
    public boolean failed() {
        return hosts.stream().anyMatch(h -> h.failed() || h.unreachable());
    }

    public boolean hasChanges() {
        return hosts.stream().anyMatch(h -> !h.changes().isEmpty());
    }

    public Optional<HostPlan> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Summary summary() {
        int changes = 0, hostsWith = 0, reboots = 0, restarts = 0;
        for (HostPlan h : hosts) {
            changes += h.changes().size();
            if (!h.changes().isEmpty()) hostsWith++;
            if (h.needsReboot()) reboots++;
            restarts += h.vmsNeedingRestart().size();
        }
        return new Summary(changes, hostsWith, reboots, restarts);
    }
}
