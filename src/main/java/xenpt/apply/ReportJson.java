package xenpt.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import xenpt.render.Json;

/** The apply report as JSON ({@code "format_version": "1"}), for {@code apply -o json}. */
public final class ReportJson {

    private ReportJson() {}

    public static String write(ApplyReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", "1");
        m.put("plan_id", report.planId());
        m.put("failed", report.failed());
        m.put("hosts", report.hosts().stream().map(ReportJson::host).toList());
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("hosts", report.hosts().size());
        sum.put("hosts_failed", report.failedHosts());
        sum.put("changes_done", report.changes(Step.State.DONE));
        sum.put("changes_failed", report.changes(Step.State.FAILED));
        sum.put("changes_skipped", report.changes(Step.State.SKIPPED));
        m.put("summary", sum);
        return Json.write(m) + "\n";
    }

    private static Map<String, Object> host(HostResult h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("result", h.result());
        m.put("error", h.error());
        m.put("steps", h.steps().stream().map(ReportJson::step).toList());
        return m;
    }

    private static Map<String, Object> step(Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.name());
        m.put("state", s.state().word());
        s.change().ifPresent(c -> {
            m.put("kind", c.kind().word());
            m.put("target", c.target());
            m.put("before", c.before());
            m.put("after", c.after());
        });
        m.put("message", s.message());
        return m;
    }
}
