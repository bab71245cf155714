package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Head's plan without the rows base's plan makes too; statuses and diagnostics stay, as do the plan's ids. */
    public Plan pullRequest() {
        List<HostPlan> hosts = new ArrayList<>();
        for (HostPlan h : head.hosts()) {
            Set<List<Object>> inBase = keys(base.host(h.name()));
            List<Change> own = h.changes().stream().filter(c -> !inBase.contains(key(c))).toList();
            hosts.add(new HostPlan(h.name(), h.address(), own, h.statuses(), h.diagnostics(), h.fingerprint(), h.facts()));
        }
        return new Plan(hosts, head.planId(), head.desiredDigest(), head.commit());
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
