package xenpt.render;

import java.util.LinkedHashMap;
import java.util.Map;
import xenpt.plan.DriftReport;

/** The drift report as JSON ({@code drift --report FILE}, {@code drift -o json}), {@code "format_version": "1"}. */
public final class DriftJson {

    private DriftJson() {}

    public static String write(DriftReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", PlanJson.FORMAT_VERSION);
        m.put("desired_digest", report.desiredDigest());
        m.put("commit", report.commit());
        m.put("drift", report.hasDrift());
        m.put("hosts", report.hosts().stream().map(DriftJson::host).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (DriftReport.Category c : DriftReport.Category.values()) summary.put(c.word(), report.count(c));
        m.put("summary", summary);
        return Json.write(m) + "\n";
    }

    private static Map<String, Object> host(DriftReport.HostDrift h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("drifted", h.drifted());
        m.put("items", h.items().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("category", i.category().word());
            x.put("subject", i.subject());
            x.put("message", i.message());
            return x;
        }).toList());
        return m;
    }
}
