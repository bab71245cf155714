package xenpt.apply;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The outcome of one apply: per host (sorted by name) what was done, skipped and failed. */
public record ApplyReport(String planId, List<HostResult> hosts) {

    public ApplyReport {
        Objects.requireNonNull(planId, "planId");
        hosts = hosts.stream().sorted(Comparator.comparing(HostResult::name)).toList();
    }

    /** True when any host failed: the apply exits 1. */
    public boolean failed() {
        return hosts.stream().anyMatch(HostResult::failed);
    }

    public long changes(Step.State state) {
        return hosts.stream().mapToLong(h -> h.changes(state)).sum();
    }

    public long failedHosts() {
        return hosts.stream().filter(HostResult::failed).count();
    }
}
