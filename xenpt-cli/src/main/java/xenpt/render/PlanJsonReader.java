package xenpt.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;
import xenpt.diag.Severity;
import xenpt.json.JsonException;
import xenpt.json.JsonObject;
import xenpt.observed.PowerState;
import xenpt.plan.Change;
import xenpt.plan.Fact;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;

/** Loads a saved plan ({@link PlanJson} format 1) for {@code show} and {@code apply}. */
final class PlanJsonReader {

    private PlanJsonReader() {}

    static Plan read(String json) {
        try {
            JsonObject o = JsonObject.parse(json);
            String version = o.optString("format_version", "");
            if (!PlanJson.FORMAT_VERSION.equals(version)) {
                throw new IllegalArgumentException("unsupported plan format_version '" + version + "'; expected '"
                        + PlanJson.FORMAT_VERSION + "'");
            }
            List<HostPlan> hosts = new ArrayList<>();
            for (JsonObject h : o.objects("hosts")) hosts.add(host(h));
            return new Plan(hosts, o.string("plan_id"), o.string("desired_digest"), o.optionalString("commit"));
        } catch (JsonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a saved xenpt plan: " + e.getMessage(), e);
        }
    }

    private static HostPlan host(JsonObject h) {
        String name = h.string("name");
        List<Fact> facts = new ArrayList<>();
        for (JsonObject f : h.objects("facts")) facts.add(fact(name, f));
        List<Status> statuses = new ArrayList<>();
        for (JsonObject s : h.objects("statuses")) statuses.add(new Status(Status.Kind.fromWord(s.string("kind")), s.string("message")));
        List<Change> changes = new ArrayList<>();
        for (JsonObject c : h.objects("changes")) changes.add(change(name, c));
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonObject d : h.objects("diagnostics")) diagnostics.add(diagnostic(d));
        return new HostPlan(name, h.string("address"), changes, statuses, diagnostics, h.string("fingerprint"), facts);
    }

    private static Fact fact(String host, JsonObject f) {
        if (!f.string("host").equals(host)) {
            throw new IllegalArgumentException("a fact of host " + host + " names host '" + f.string("host") + "'");
        }
        return new Fact(opt(f, "vm"), opt(f, "vm_name"), opt(f, "device"), f.string("field"), f.string("value"));
    }

    private static Change change(String host, JsonObject c) {
        String reason = c.string("reason");
        return switch (Change.Kind.fromWord(c.string("kind"))) {
            case HIDE -> new Change.Hide(host, opt(c, "before"), devices(c.strings("before_devices")),
                    devices(c.strings("after_devices")), reason);
            case ASSIGN -> new Change.Assign(host, vm(c).string("uuid"), vm(c).string("name"),
                    PowerState.fromXe(c.string("power_state")), opt(c, "before"), opt(c, "after"), reason);
            case PIN -> new Change.Pin(host, vm(c).string("uuid"), vm(c).string("name"), opt(c, "before"),
                    c.string("after"), reason);
            case REBOOT -> new Change.Reboot(host, reason);
            case RESTART_VM -> new Change.RestartVm(host, vm(c).string("uuid"), vm(c).string("name"), reason);
        };
    }

    private static JsonObject vm(JsonObject c) {
        return c.object("vm");
    }

    private static Diagnostic diagnostic(JsonObject d) {
        Severity severity = switch (d.string("severity")) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new IllegalArgumentException("unknown severity '" + d.string("severity") + "'");
        };
        Location at = null;
        if (!d.isNull("location")) {
            JsonObject l = d.object("location");
            at = new Location(l.string("file"), l.intValue("line"), l.intValue("column"));
        }
        return new Diagnostic(severity, at, d.string("message"), opt(d, "hint").orElse(null));
    }

    private static Set<PciAddress> devices(List<String> a) {
        Set<PciAddress> out = new TreeSet<>();
        for (String d : a) out.add(PciAddress.parse(d));
        return out;
    }

    private static Optional<String> opt(JsonObject o, String key) {
        return o.optionalString(key);
    }
}
