package xenpt.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import xenpt.diag.Diagnostic;
import xenpt.json.Json;
import xenpt.plan.Change;
import xenpt.plan.Fact;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;

/**
 * The plan as JSON, {@code "format_version": "1"}: what {@code plan -o json} prints, and the body of a saved plan
 * ({@code xenpt.planfile} adds what apply needs to reach the hosts, and a digest). It holds everything {@link
 * PlanJsonReader} needs to rebuild the plan, and nothing secret (addresses, uuids, device addresses, observed facts;
 * never credentials).
 */
public final class PlanJson {

    public static final String FORMAT_VERSION = "1";

    private PlanJson() {}

    public static String write(Plan plan) {
        return Json.write(map(plan)) + "\n";
    }

    /** The plan as plain values for {@link Json#write}, for documents that embed it (saved plans). */
    public static Map<String, Object> map(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", FORMAT_VERSION);
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        m.put("plan_id", plan.planId());
        m.put("desired_digest", plan.desiredDigest());
        m.put("commit", plan.commit());
        m.put("failed", plan.failed());
        m.put("hosts", plan.hosts().stream().map(PlanJson::host).toList());
        Plan.Summary s = plan.summary();
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("changes", s.changes());
        sum.put("hosts_with_changes", s.hostsWithChanges());
        sum.put("reboots", s.reboots());
        sum.put("vm_restarts", s.vmRestarts());
        m.put("summary", sum);
        return m;
    }

    /** Reads what {@link #write} wrote. @throws IllegalArgumentException naming what is wrong */
    public static Plan read(String json) {
        return PlanJsonReader.read(json);
    }

    private static Map<String, Object> host(HostPlan h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("fingerprint", h.fingerprint());
        m.put("facts", h.facts().stream().map(f -> fact(h.name(), f)).toList());
        m.put("statuses", h.statuses().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", s.kind().word());
            x.put("message", s.message());
            return x;
        }).toList());
        m.put("changes", h.changes().stream().map(PlanJson::change).toList());
        m.put("diagnostics", h.diagnostics().stream().map(PlanJson::diagnostic).toList());
        return m;
    }

    /** A fact by its structured key (host, vm uuid or device, field); {@code vm_name} only for people. */
    private static Map<String, Object> fact(String host, Fact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("vm", f.vm());
        m.put("vm_name", f.vmName());
        m.put("device", f.device());
        m.put("field", f.field());
        m.put("value", f.value());
        return m;
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().word());
        m.put("target", c.target());
        m.put("before", c.before());
        m.put("after", c.after());
        m.put("needs", c.needs().stream().sorted().map(Change.Need::word).toList());
        m.put("reason", c.reason());
        switch (c) {
            case Change.Hide h -> {
                m.put("before_devices", h.beforeDevices().stream().map(Object::toString).toList());
                m.put("after_devices", h.afterDevices().stream().map(Object::toString).toList());
            }
            case Change.Assign a -> {
                m.put("vm", vm(a.vmUuid(), a.vmName()));
                m.put("power_state", a.power().word());
            }
            case Change.Pin p -> m.put("vm", vm(p.vmUuid(), p.vmName()));
            case Change.Reboot r -> { }
            case Change.RestartVm r -> m.put("vm", vm(r.vmUuid(), r.vmName()));
        }
        return m;
    }

    private static Map<String, Object> vm(String uuid, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", uuid);
        m.put("name", name);
        return m;
    }

    private static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().label());
        m.put("location", d.where().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", l.file());
            x.put("line", l.line());
            x.put("column", l.column());
            return x;
        }));
        m.put("message", d.message());
        m.put("hint", Optional.ofNullable(d.hint()));
        return m;
    }
}
