package xenpt.render;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;

/**
 * What the views show of a plan beyond its changes' raw values: a pin's host by name with its uuid (a bare uuid tells
 * a reviewer nothing), and which hosts are worth a line of their own in a fleet-sized plan.
 */
final class Shown {

    private Shown() {}

    /** A change's value before, as people read it; a pin's earlier host named when it is a host of the plan. */
    static Optional<String> before(Change c, Map<String, String> hostsByUuid) {
        if (c instanceof Change.Pin) return c.before().map(uuid -> named(hostsByUuid.get(uuid), uuid));
        return c.before();
    }

    /** A change's value after: a pin's host as {@code name (uuid)}. */
    static Optional<String> after(Change c) {
        if (c instanceof Change.Pin p) return Optional.of(named(p.host(), p.hostUuid()));
        return c.after();
    }

    /** {@code before → after} with {@code (none)} for an absent value. */
    static String arrow(Change c, Map<String, String> hostsByUuid) {
        return before(c, hostsByUuid).orElse("(none)") + " → " + after(c).orElse("(none)");
    }

    /**
     * The hosts of a plan by their xapi uuid, as its pins name them (a pin carries the uuid of its own host): enough to
     * name the host a VM was pinned to before when that host is pinned to as well, without reading the facts.
     */
    static Map<String, String> hostsByUuid(Plan plan) {
        Map<String, String> m = new TreeMap<>();
        for (HostPlan h : plan.hosts()) {
            for (Change c : h.changes()) {
                if (c instanceof Change.Pin p) m.put(p.hostUuid(), p.host());
            }
        }
        return m;
    }

    /**
     * Whether a host has nothing to show: no change, no status, no diagnostic. Such hosts collapse to one count line
     * unless {@code --show-unchanged}; a fleet of 200 with 3 changes makes a comment of 3 hosts, not 200.
     */
    static boolean unchanged(HostPlan h) {
        return h.changes().isEmpty() && h.statuses().isEmpty() && h.diagnostics().isEmpty();
    }

    private static String named(String name, String uuid) {
        return name == null ? uuid : name + " (" + uuid + ")";
    }
}
