package xenpt.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.diag.Diagnostic;

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

    /** One error per target naming a host the desired state does not have; the CLI reports them as bad usage. */
    public List<Diagnostic> check(DesiredState desired) {
        return targets.stream()
                .filter(t -> desired.host(t.host()).isEmpty())
                .map(t -> Diagnostic.error(null, "--target " + t + " names no host of the desired state",
                        "known hosts: " + desired.hosts().stream().map(HostSpec::name).collect(Collectors.joining(", "))))
                .toList();
    }

    boolean coversHost(String host) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.host().equals(host));
    }

    boolean covers(String host, Optional<String> vmName, Optional<String> vmUuid) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.covers(host, vmName, vmUuid));
    }
}
