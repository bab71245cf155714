package xenpt.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.json.Json;
import xenpt.apply.ApplyReport;
import xenpt.apply.HostResult;
import xenpt.apply.NextStep;
import xenpt.apply.Step;

/**
 * The apply report as JSON ({@code "format_version": "1"}), for {@code apply -o json}: one document on stdout on every
 * path. {@code outcome} says which: {@code applied}, {@code failed} (a host failed or was unreachable),
 * {@code no-changes}, or {@code refused} (nothing was applied; {@code reason} says why).
 */
public final class ReportJson {

    private ReportJson() {}

    public static String write(ApplyReport report) {
        return document(report.failed() ? "failed" : "applied", Optional.empty(), report);
    }

    /** Nothing to do: every host of the plan matches the desired state. */
    public static String noChanges(ApplyReport report) {
        return document("no-changes", Optional.empty(), report);
    }

    /** Nothing was applied: the plan failed, the apply was not confirmed, the saved plan was stale or unreadable. */
    public static String refused(String reason, Optional<String> planId) {
        return document("refused", Optional.of(reason), new ApplyReport(planId.orElse(""), List.of()));
    }

    private static String document(String outcome, Optional<String> reason, ApplyReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", "1");
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        m.put("outcome", outcome);
        m.put("reason", reason);
        m.put("plan_id", report.planId().isEmpty() ? Optional.empty() : report.planId());
        m.put("failed", outcome.equals("failed") || outcome.equals("refused"));
        m.put("hosts", report.hosts().stream().map(ReportJson::host).toList());
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("hosts", report.hosts().size());
        sum.put("hosts_failed", report.failedHosts());
        sum.put("changes_done", report.changes(Step.State.DONE));
        sum.put("changes_failed", report.changes(Step.State.FAILED));
        sum.put("changes_skipped", report.changes(Step.State.SKIPPED));
        m.put("summary", sum);
        m.put("next_steps", report.nextSteps().stream().map(ReportJson::nextStep).toList());
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

    /** {@code commands} run on the host in order; {@code ssh} the same from the operator's machine (empty: simulated). */
    private static Map<String, Object> nextStep(NextStep n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", n.host());
        m.put("kind", n.kind().word());
        m.put("vm_uuid", n.vmUuid());
        m.put("vm_name", n.vmName());
        m.put("what", n.what());
        m.put("commands", n.commands());
        m.put("ssh", n.ssh());
        return m;
    }
}
