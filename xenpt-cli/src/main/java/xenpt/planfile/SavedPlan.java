package xenpt.planfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.plan.Plan;

/**
 * A plan as saved for a later {@code apply}: self-contained, so that apply needs neither {@code -f} nor the current
 * directory of the plan.
 *
 * @param plan   the reviewed plan; apply does exactly its changes
 * @param hosts  the desired state of each host of the plan, with file paths (identity file, known_hosts) absolute or
 *               relative to {@code ~}; never a secret, only the name of a password variable
 * @param simDir the absolute directory of simulated hosts' state ({@code $XENPT_SIM_DIR} or {@code .xenpt/sim}) when
 *               a host is simulated, so that apply reaches the same simulated host from any directory
 */
public record SavedPlan(Plan plan, List<HostSpec> hosts, Optional<String> simDir) {

    public SavedPlan {
        Objects.requireNonNull(plan, "plan");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(simDir, "simDir");
    }

    /** The recorded hosts as a desired state with the plan's digest and commit, for the executor. */
    public DesiredState desired() {
        return new DesiredState(hosts, plan.desiredDigest(), plan.commit());
    }

    /** The hosts the plan changes that have no recorded desired state (a saved plan must have none). */
    public List<String> hostsWithoutSettings() {
        return plan.hosts().stream()
                .filter(h -> !h.changes().isEmpty())
                .map(h -> h.name())
                .filter(name -> hosts.stream().noneMatch(s -> s.name().equals(name)))
                .toList();
    }
}
