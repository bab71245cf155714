package xenpt.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import xenpt.format.journal.JournalEntry;
import xenpt.json.Json;
import xenpt.plan.DriftReport;

/** The drift report as JSON ({@code drift --report FILE}, {@code drift -o json}), {@code "format_version": "1"}. */
public final class DriftJson {

    private DriftJson() {}

    public static String write(DriftReport report) {
        return write(report, Map.of());
    }

    /**
     * With, per host, {@code "last_applied"}: the last journal record ({@code time}, {@code plan_id}, {@code commit},
     * {@code result}), {@code null} when xenpt never applied there; absent for a host without an entry in
     * {@code lastApplied} (unreachable).
     */
    public static String write(DriftReport report, Map<String, Optional<JournalEntry>> lastApplied) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", PlanJson.FORMAT_VERSION);
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        m.put("desired_digest", report.desiredDigest());
        m.put("commit", report.commit());
        m.put("drift", report.hasDrift());
        m.put("hosts", report.hosts().stream().map(h -> host(h, lastApplied)).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (DriftReport.Category c : DriftReport.Category.values()) summary.put(c.word(), report.count(c));
        m.put("summary", summary);
        return Json.write(m) + "\n";
    }

    private static Map<String, Object> host(DriftReport.HostDrift h, Map<String, Optional<JournalEntry>> lastApplied) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("drifted", h.drifted());
        Optional<JournalEntry> applied = lastApplied.get(h.name());
        if (applied != null) m.put("last_applied", applied.map(DriftJson::journal).orElse(null));
        m.put("items", h.items().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("category", i.category().word());
            x.put("subject", i.subject());
            x.put("vm", i.vm());
            x.put("device", i.device());
            x.put("field", i.field());
            x.put("message", i.message());
            return x;
        }).toList());
        return m;
    }

    /** A journal record as JSON; shared with {@code inspect -o json}. */
    public static Map<String, Object> journal(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("plan_id", e.planId());
        m.put("commit", e.commit().orElse(null));
        m.put("result", e.result());
        return m;
    }
}
