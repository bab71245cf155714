package xenpt.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import xenpt.desired.PciAddress;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;
import xenpt.diag.Severity;
import xenpt.observed.PowerState;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;

/** Loads a saved plan ({@link PlanJson} format 1) for {@code show} and {@code apply}. */
final class PlanJsonReader {

    private PlanJsonReader() {}

    static Plan read(String json) {
        try {
            JSONObject o = new JSONObject(json);
            String version = o.optString("format_version", "");
            if (!PlanJson.FORMAT_VERSION.equals(version)) {
                throw new IllegalArgumentException("unsupported plan format_version '" + version + "'; expected '"
                        + PlanJson.FORMAT_VERSION + "'");
            }
            List<HostPlan> hosts = new ArrayList<>();
            JSONArray hs = o.getJSONArray("hosts");
            for (int i = 0; i < hs.length(); i++) hosts.add(host(hs.getJSONObject(i)));
            return new Plan(hosts, o.getString("plan_id"), o.getString("desired_digest"), opt(o, "commit"));
        } catch (JSONException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a saved xenpt plan: " + e.getMessage(), e);
        }
    }

    private static HostPlan host(JSONObject h) {
        String name = h.getString("name");
        TreeMap<String, String> facts = new TreeMap<>();
        JSONObject f = h.getJSONObject("facts");
        for (String k : f.keySet()) facts.put(k, f.getString(k));
        List<Status> statuses = new ArrayList<>();
        each(h.getJSONArray("statuses"), s -> statuses.add(new Status(Status.Kind.fromWord(s.getString("kind")), s.getString("message"))));
        List<Change> changes = new ArrayList<>();
        each(h.getJSONArray("changes"), c -> changes.add(change(name, c)));
        List<Diagnostic> diagnostics = new ArrayList<>();
        each(h.getJSONArray("diagnostics"), d -> diagnostics.add(diagnostic(d)));
        return new HostPlan(name, h.getString("address"), changes, statuses, diagnostics, h.getString("fingerprint"), facts);
    }

    private static Change change(String host, JSONObject c) {
        String reason = c.getString("reason");
        return switch (Change.Kind.fromWord(c.getString("kind"))) {
            case HIDE -> new Change.Hide(host, opt(c, "before"), devices(c.getJSONArray("before_devices")),
                    devices(c.getJSONArray("after_devices")), reason);
            case ASSIGN -> new Change.Assign(host, vm(c).getString("uuid"), vm(c).getString("name"),
                    PowerState.fromXe(c.getString("power_state")), opt(c, "before"), opt(c, "after"), reason);
            case PIN -> new Change.Pin(host, vm(c).getString("uuid"), vm(c).getString("name"), opt(c, "before"),
                    c.getString("after"), reason);
            case REBOOT -> new Change.Reboot(host, reason);
            case RESTART_VM -> new Change.RestartVm(host, vm(c).getString("uuid"), vm(c).getString("name"), reason);
        };
    }

    private static JSONObject vm(JSONObject c) {
        return c.getJSONObject("vm");
    }

    private static Diagnostic diagnostic(JSONObject d) {
        Severity severity = switch (d.getString("severity")) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new IllegalArgumentException("unknown severity '" + d.getString("severity") + "'");
        };
        Location at = null;
        if (!d.isNull("location")) {
            JSONObject l = d.getJSONObject("location");
            at = new Location(l.getString("file"), l.getInt("line"), l.getInt("column"));
        }
        return new Diagnostic(severity, at, d.getString("message"), opt(d, "hint").orElse(null));
    }

    private static Set<PciAddress> devices(JSONArray a) {
        Set<PciAddress> out = new TreeSet<>();
        for (int i = 0; i < a.length(); i++) out.add(PciAddress.parse(a.getString(i)));
        return out;
    }

    private static Optional<String> opt(JSONObject o, String key) {
        return o.isNull(key) ? Optional.empty() : Optional.of(o.getString(key));
    }

    private static void each(JSONArray a, java.util.function.Consumer<JSONObject> f) {
        for (int i = 0; i < a.length(); i++) f.accept(a.getJSONObject(i));
    }
}
