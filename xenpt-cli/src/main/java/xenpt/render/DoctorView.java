package xenpt.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xenpt.diag.ControlChars;
import xenpt.json.Json;
import xenpt.plan.DoctorReport;
import xenpt.plan.DoctorReport.Finding;
import xenpt.transport.Command;

/** {@code xenpt doctor}'s report as text, JSON and Markdown. A fix command is printed shell-quoted, ready to paste. */
final class DoctorView {

    private DoctorView() {}

    /** The fix as one shell line (run in dom0), then {@code reboot} when it needs one. */
    static String fixCommand(Finding f) {
        return f.command().map(argv -> new Command(argv).toShell() + (f.reboot() ? " && reboot" : "")).orElse("");
    }

    static String text(DoctorReport r) {
        StringBuilder s = new StringBuilder();
        String who = r.host() + r.vm().map(v -> " (VM " + v + ")").orElse("");
        if (r.healthy()) return "xenpt doctor: " + ControlChars.escape(who) + ": no problem found\n";
        s.append("xenpt doctor: ").append(ControlChars.escape(who)).append(": ").append(r.findings().size())
                .append(r.findings().size() == 1 ? " problem\n" : " problems\n");
        for (Finding f : r.findings()) {
            s.append("\n").append(f.kind().word()).append(": ").append(ControlChars.escape(f.subject())).append("\n")
                    .append("  problem:  ").append(ControlChars.escape(f.problem())).append("\n")
                    .append("  evidence: ").append(ControlChars.escape(f.evidence())).append("\n")
                    .append("  fix:      ").append(ControlChars.escape(f.fix())).append("\n");
            if (f.command().isPresent()) s.append("    ").append(ControlChars.escape(fixCommand(f))).append("\n");
        }
        return s.toString();
    }

    static String json(DoctorReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", "1");
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        m.put("host", r.host());
        r.vm().ifPresent(v -> m.put("vm", v));
        m.put("healthy", r.healthy());
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", f.kind().word());
            o.put("subject", f.subject());
            o.put("problem", f.problem());
            o.put("evidence", f.evidence());
            o.put("fix", f.fix());
            f.command().ifPresent(c -> o.put("command", c));
            if (f.command().isPresent()) o.put("shell", fixCommand(f));
            o.put("reboot", f.reboot());
            findings.add(o);
        }
        m.put("findings", findings);
        return Json.write(m) + "\n";
    }

    static String markdown(DoctorReport r) {
        StringBuilder s = new StringBuilder("### xenpt doctor: ").append(Markdown.cell(r.host()))
                .append(r.vm().map(v -> " (VM " + Markdown.cell(v) + ")").orElse("")).append("\n\n");
        if (r.healthy()) return s.append("No problem found.\n").toString();
        s.append("| problem | subject | evidence | fix |\n|---|---|---|---|\n");
        for (Finding f : r.findings()) {
            String fix = Markdown.cell(f.fix()) + (f.command().isPresent() ? ": " + Markdown.code(fixCommand(f)) : "");
            s.append("| ").append(f.kind().word()).append(": ").append(Markdown.cell(f.problem())).append(" | ")
                    .append(Markdown.cell(f.subject())).append(" | ").append(Markdown.cell(f.evidence())).append(" | ")
                    .append(fix).append(" |\n");
        }
        return s.toString();
    }
}
