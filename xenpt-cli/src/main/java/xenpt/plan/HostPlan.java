package xenpt.plan;

import java.util.List;
import java.util.Objects;
import xenpt.diag.Diagnostic;

/**
 * The plan for one host.
 *
 * @param address     where the host is reached (from the desired state); never a credential
 * @param changes     in apply order ({@link Change#APPLY_ORDER}); empty when the host has errors
 * @param statuses    sorted
 * @param diagnostics errors (which fail the whole plan) and warnings, sorted
 * @param fingerprint SHA-256 hex of {@code facts}; empty for an unreachable host
 * @param facts       the observed facts this plan depends on ({@link Facts}), sorted; empty for an unreachable host
 */
public record HostPlan(
        String name,
        String address,
        List<Change> changes,
        List<Status> statuses,
        List<Diagnostic> diagnostics,
        String fingerprint,
        List<Fact> facts) {

    public HostPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        changes = changes.stream().sorted(Change.APPLY_ORDER).toList();
        statuses = statuses.stream().sorted().toList();
        diagnostics = diagnostics.stream().sorted().toList();
        Objects.requireNonNull(fingerprint, "fingerprint");
        facts = facts.stream().sorted().toList();
        for (Change c : changes) {
            if (!c.host().equals(name)) throw new IllegalArgumentException("change for " + c.host() + " in plan of " + name);
        }
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean unreachable() {
        return statuses.stream().anyMatch(s -> s.kind() == Status.Kind.UNREACHABLE);
    }

    /** Whether any change takes effect only after a host reboot. */
    public boolean needsReboot() {
        return changes.stream().anyMatch(c -> c.needs().contains(Change.Need.REBOOT));
    }

    /** The VMs (uuids) that must be halted and started for changes to take effect. */
    public List<String> vmsNeedingRestart() {
        return changes.stream()
                .filter(c -> c.needs().contains(Change.Need.VM_RESTART))
                .map(c -> Change.vmOf(c).orElseThrow())
                .distinct()
                .sorted()
                .toList();
    }
}
