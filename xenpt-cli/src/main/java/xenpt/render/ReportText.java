package xenpt.render;

import static xenpt.diag.ControlChars.escape;

import java.util.Map;
import xenpt.apply.ApplyReport;
import xenpt.apply.HostResult;
import xenpt.apply.NextStep;
import xenpt.apply.Step;

/**
 * The apply report for people: per host with something to do its result and each step ({@code done}, {@code skipped}, {@code FAILED})
 * with before → after for changes, then a summary line and the next steps left to do by hand, with their commands.
 */
public final class ReportText {

    private ReportText() {}

    public static String render(ApplyReport report) {
        StringBuilder s = new StringBuilder();
        long unchanged = 0;
        for (HostResult h : report.hosts()) {
            // A fleet of 200 with 3 changed hosts reports 3 hosts and one line, not 197 "no changes" (JSON has them all).
            if (h.steps().isEmpty()) {
                unchanged++;
                continue;
            }
            s.append(escape(h.name())).append(" (").append(escape(h.address())).append("): ").append(h.result()).append('\n');
            for (Step step : h.steps()) line(s, step);
            s.append('\n');
        }
        if (unchanged > 0) s.append(Plural.of(unchanged, "host")).append(" unchanged: nothing to apply there\n\n");
        s.append(summary(report)).append('\n');
        nextSteps(s, report);
        return s.toString();
    }

    /** The next steps alone (after an apply with nothing to change); {@code ""} when there are none. */
    public static String nextSteps(ApplyReport report) {
        StringBuilder s = new StringBuilder();
        nextSteps(s, report);
        return s.toString().stripLeading();
    }

    /** What is left to do by hand, each with the commands to copy; from the operator's machine when there is ssh. */
    private static void nextSteps(StringBuilder s, ApplyReport report) {
        if (report.nextSteps().isEmpty()) return;
        s.append("\nNext steps: the changes take effect only after these (xenpt's policy kept it from doing them):\n");
        for (NextStep n : report.nextSteps()) {
            s.append("  ").append(n.host()).append(": ").append(n.what()).append('\n');
            for (String c : n.ssh().isEmpty() ? n.commands() : n.ssh()) s.append("      ").append(c).append('\n');
            if (n.ssh().isEmpty()) s.append("      (run on the host)\n");
        }
    }

    private static void line(StringBuilder s, Step step) {
        String state = step.state() == Step.State.FAILED ? "FAILED" : step.state().word();
        s.append("  ").append(String.format("%-8s", state)).append(escape(step.name()));
        step.change().filter(c -> c.before().isPresent() || c.after().isPresent())
                .ifPresent(c -> s.append(": ").append(escape(Shown.arrow(c, Map.of()))));
        if (!step.message().isEmpty()) {
            s.append(step.state() == Step.State.FAILED ? "\n      " : "  # ").append(escape(step.message()));
        }
        s.append('\n');
    }

    /**
     * {@code Apply complete: 3 changes made on 1 host.} or {@code Apply failed on 1 of 2 hosts: 1 change made on 1 host,
     * 1 failed, 1 skipped. ...}; a count of zero is left out (a host can fail in a step that is no change, e.g. its
     * lock, and "failed on 1 host" beside "0 failed" reads as a contradiction).
     */
    static String summary(ApplyReport r) {
        long made = r.changes(Step.State.DONE);
        long changed = r.hosts().stream().filter(h -> h.changes(Step.State.DONE) > 0).count();
        String counts = made == 0 ? "no change made" : Plural.of(made, "change") + " made on " + Plural.of(changed, "host");
        if (!r.failed()) return "Apply complete: " + counts + ".";
        long failed = r.changes(Step.State.FAILED);
        long skipped = r.changes(Step.State.SKIPPED);
        return "Apply failed on " + r.failedHosts() + " of " + Plural.of(r.hosts().size(), "host") + ": " + counts
                + (failed > 0 ? ", " + failed + " failed" : "") + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + ". Run apply again once the cause is fixed; it continues from where the host is now.";
    }
}
