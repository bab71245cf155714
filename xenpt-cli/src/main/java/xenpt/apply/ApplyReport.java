package xenpt.apply;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one apply: per host (sorted by name) what was done, skipped and failed, and what the operator still
 * has to do by hand ({@link NextSteps}).
 */
public record ApplyReport(String planId, List<HostResult> hosts, List<NextStep> nextSteps) {

    public ApplyReport {
        Objects.requireNonNull(planId, "planId");
        hosts = hosts.stream().sorted(Comparator.comparing(HostResult::name)).toList();
        nextSteps = List.copyOf(nextSteps);
    }

    /** A report without next steps yet (the executor's; see {@link #with}). */
    public ApplyReport(String planId, List<HostResult> hosts) {
        this(planId, hosts, List.of());
    }

    /** This report with more host results (e.g. hosts left out as unreachable) and the given next steps. */
    public ApplyReport with(List<HostResult> more, List<NextStep> steps) {
        List<HostResult> all = new java.util.ArrayList<>(hosts);
        all.addAll(more);
        return new ApplyReport(planId, all, steps);
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
