package xenpt.apply;

import static xenpt.diag.ControlChars.escape;

import xenpt.plan.Change;

/**
 * The apply report for people: per host its result and each step ({@code done}, {@code skipped}, {@code FAILED})
 * with before → after for changes, then a summary line.
 */
public final class ReportText {

    private ReportText() {}

    public static String render(ApplyReport report) {
        StringBuilder s = new StringBuilder();
        for (HostResult h : report.hosts()) {
            s.append(escape(h.name())).append(" (").append(escape(h.address())).append("): ").append(h.result()).append('\n');
            if (h.steps().isEmpty()) s.append("  no changes\n");
            for (Step step : h.steps()) line(s, step);
            s.append('\n');
        }
        return s.append(summary(report)).append('\n').toString();
    }

    private static void line(StringBuilder s, Step step) {
        String state = step.state() == Step.State.FAILED ? "FAILED" : step.state().word();
        s.append("  ").append(String.format("%-8s", state)).append(escape(step.name()));
        step.change().filter(c -> c.before().isPresent() || c.after().isPresent())
                .ifPresent(c -> s.append(": ").append(escape(shown(c))));
        if (!step.message().isEmpty()) {
            s.append(step.state() == Step.State.FAILED ? "\n      " : "  # ").append(escape(step.message()));
        }
        s.append('\n');
    }

    private static String shown(Change c) {
        return c.before().orElse("(none)") + " → " + c.after().orElse("(none)");
    }

    /** {@code Apply complete: 3 changes made on 1 host.} or {@code Apply failed on 1 of 2 hosts: ...}. */
    static String summary(ApplyReport r) {
        long made = r.changes(Step.State.DONE);
        long changed = r.hosts().stream().filter(h -> h.changes(Step.State.DONE) > 0).count();
        String counts = made + (made == 1 ? " change" : " changes") + " made on " + changed
                + (changed == 1 ? " host" : " hosts");
        if (!r.failed()) return "Apply complete: " + counts + ".";
        long skipped = r.changes(Step.State.SKIPPED);
        long failed = r.changes(Step.State.FAILED);
        return "Apply failed on " + r.failedHosts() + " of " + r.hosts().size() + (r.hosts().size() == 1 ? " host" : " hosts")
                + ": " + counts + ", " + failed + " failed, " + skipped + " skipped. Run apply again once the cause is"
                + " fixed; it continues from where the host is now.";
    }
}
