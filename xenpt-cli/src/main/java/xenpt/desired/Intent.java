package xenpt.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change to the desired state asks for: every {@link IntentChange} between a base and a head, sorted by
 * host, kind and subject.
 *
 * @param baseCommit the base's git commit, when known
 * @param headCommit the head's git commit, when known
 */
public record Intent(List<IntentChange> changes, Optional<String> baseCommit, Optional<String> headCommit) {

    public Intent {
        changes = changes.stream().sorted().distinct().toList();
        Objects.requireNonNull(baseCommit, "baseCommit");
        Objects.requireNonNull(headCommit, "headCommit");
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The hosts with a change, sorted. */
    public List<String> hosts() {
        return changes.stream().map(IntentChange::host).distinct().toList();
    }

    public List<IntentChange> of(String host) {
        return changes.stream().filter(c -> c.host().equals(host)).toList();
    }

    /** Hosts whose change needs a reboot to take effect. */
    public long reboots() {
        return changes.stream().filter(IntentChange::needsReboot).map(IntentChange::host).distinct().count();
    }

    /** VMs (host and name) whose assignment changes. */
    public long vmRestarts() {
        return changes.stream().filter(IntentChange::needsVmRestart).map(c -> c.host() + "\0" + c.subject()).distinct().count();
    }
}
