package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import xenpt.diag.Diagnostic;

/**
 * A pull request's plans: the desired state at base and at head, each planned against the same observation of the
 * live hosts. A row of head's plan that planning base makes too (same host, kind, target, values and needs) is drift
 * that already exists: the live hosts differ from base, whatever the pull request says. Every other row of head's
 * plan is the pull request's own. A host whose base plan failed (it has no rows) cannot be told apart: its rows
 * count as the pull request's.
 *
 * @param base the plan of base, over the hosts that head has too (a host head drops is not xenpt's after the merge)
 * @param head the plan of head
 */
public record BaseAndHead(Plan base, Plan head) {

    public BaseAndHead {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
    }

    /**
     * One row of base's plan: drift that exists before the pull request.
     *
     * @param kept whether head's plan makes the same row (else the pull request replaces or drops it)
     */
    public record Existing(Change change, boolean kept) {
        public Existing {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * Head's plan without what base's plan has too: its rows, and the statuses and warnings found at base as well
     * (errors and unreachable hosts stay: they fail head's plan whoever caused them). A host left with nothing of its
     * own is left out when everything it had is existing drift; a host that had nothing stays. The plan's ids stay.
     */
    public Plan pullRequest() {
        List<HostPlan> hosts = new ArrayList<>();
        for (HostPlan h : head.hosts()) {
            Optional<HostPlan> b = base.host(h.name());
            Set<List<Object>> inBase = keys(b);
            List<Change> own = h.changes().stream().filter(c -> !inBase.contains(key(c))).toList();
            List<Status> statuses = h.statuses().stream().filter(x -> x.kind() == Status.Kind.UNREACHABLE || !atBase(b, x)).toList();
            List<Diagnostic> diagnostics = h.diagnostics().stream().filter(d -> d.isError() || !atBase(b, d)).toList();
            boolean had = !h.changes().isEmpty() || !h.statuses().isEmpty() || !h.diagnostics().isEmpty();
            if (had && own.isEmpty() && statuses.isEmpty() && diagnostics.isEmpty()) continue;
            hosts.add(new HostPlan(h.name(), h.address(), own, statuses, diagnostics, h.fingerprint(), h.facts()));
        }
        return new Plan(hosts, head.planId(), head.desiredDigest(), head.commit());
    }

    /**
     * Per host, the statuses and warnings of head's plan that base's plan has too (a reboot still pending, a device
     * not found): found before the pull request. Hosts without any are left out; the hosts carry no rows.
     */
    public List<HostPlan> existingFindings() {
        List<HostPlan> out = new ArrayList<>();
        for (HostPlan h : head.hosts()) {
            Optional<HostPlan> b = base.host(h.name());
            List<Status> statuses = h.statuses().stream().filter(x -> x.kind() != Status.Kind.UNREACHABLE && atBase(b, x)).toList();
            List<Diagnostic> warnings = h.diagnostics().stream().filter(d -> !d.isError() && atBase(b, d)).toList();
            if (statuses.isEmpty() && warnings.isEmpty()) continue;
            out.add(new HostPlan(h.name(), h.address(), List.of(), statuses, warnings, h.fingerprint(), h.facts()));
        }
        return out;
    }

    private static boolean atBase(Optional<HostPlan> base, Status status) {
        return base.map(b -> b.statuses().contains(status)).orElse(false);
    }

    /** The same finding at base, wherever in the files it points (lines move between commits). */
    private static boolean atBase(Optional<HostPlan> base, Diagnostic d) {
        return base.map(b -> b.diagnostics().stream().anyMatch(x -> x.severity() == d.severity()
                && x.message().equals(d.message()) && Objects.equals(x.hint(), d.hint()))).orElse(false);
    }

    /** Base's rows on the hosts head has, each marked kept or replaced by head's plan; in host then apply order. */
    public List<Existing> existing() {
        List<Existing> out = new ArrayList<>();
        for (HostPlan b : base.hosts()) {
            Optional<HostPlan> h = head.host(b.name());
            if (h.isEmpty()) continue;
            Set<List<Object>> inHead = keys(h);
            for (Change c : b.changes()) out.add(new Existing(c, inHead.contains(key(c))));
        }
        return out;
    }

    /** Hosts where a row of existing drift needs a reboot. */
    public int existingReboots() {
        return (int) existing().stream().filter(e -> e.change().needs().contains(Change.Need.REBOOT))
                .map(e -> e.change().host()).distinct().count();
    }

    /** Hosts with existing drift. */
    public int existingHosts() {
        return (int) existing().stream().map(e -> e.change().host()).distinct().count();
    }

    private static Set<List<Object>> keys(Optional<HostPlan> host) {
        return host.map(h -> h.changes().stream().map(BaseAndHead::key).collect(Collectors.toSet())).orElse(Set.of());
    }

    /** What makes two rows the same change: everything but the reason, which is prose. */
    private static List<Object> key(Change c) {
        return List.of(c.host(), c.kind(), c.target(), c.before(), c.after(), Change.vmOf(c), c.needs());
    }
}
