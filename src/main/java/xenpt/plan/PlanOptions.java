package xenpt.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to plan.
 *
 * @param targets limit the plan to these hosts or VMs; empty: everything. Hosts not targeted are left out of the
 *                plan; a {@code HOST/VM} target keeps only that VM's changes on that host (its checks still run)
 * @param planId  the plan id to use; empty: a digest of the inputs, so equal inputs give equal ids (no clock here)
 */
public record PlanOptions(List<Target> targets, Optional<String> planId) {

    public static final PlanOptions ALL = new PlanOptions(List.of(), Optional.empty());

    public PlanOptions {
        targets = List.copyOf(targets);
        Objects.requireNonNull(planId, "planId");
    }

    public static PlanOptions targets(String... targets) {
        return new PlanOptions(java.util.Arrays.stream(targets).map(Target::parse).toList(), Optional.empty());
    }

    boolean coversHost(String host) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.host().equals(host));
    }

    boolean covers(String host, Optional<String> vmName, Optional<String> vmUuid) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.covers(host, vmName, vmUuid));
    }
}
