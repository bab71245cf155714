package xenpt.render;

import java.util.Map;
import java.util.stream.Collectors;
import static xenpt.diag.ControlChars.escape;

import xenpt.diag.Diagnostic;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;

/**
 * The plan for a terminal: grouped by host, one line per change ({@code + ~ -}, before → after, what it needs) with
 * its reason below, then statuses and diagnostics, then the summary line.
 */
public final class PlanText {

    private PlanText() {}

    /** The plan with its unchanged hosts collapsed to one count line. */
    public static String render(Plan plan, boolean color) {
        return render(plan, color, false);
    }

    /** @param showUnchanged list every host, also those with nothing to show ({@code --show-unchanged}) */
    public static String render(Plan plan, boolean color, boolean showUnchanged) {
        Style st = new Style(color);
        StringBuilder s = new StringBuilder();
        Map<String, String> hostsByUuid = Shown.hostsByUuid(plan);
        long collapsed = 0;
        for (HostPlan h : plan.hosts()) {
            if (!showUnchanged && Shown.unchanged(h)) {
                collapsed++;
                continue;
            }
            host(s, st, h, hostsByUuid);
        }
        // Every host unchanged: the summary ("No changes. N hosts match ...") says it already.
        if (collapsed > 0 && collapsed < plan.hosts().size()) s.append(st.dim(unchangedLine(collapsed))).append("\n\n");
        // A failed plan says so first: a reader who stops at the first line must not take it for "nothing to do".
        if (plan.failed()) s.append(st.red(failure(plan))).append('\n');
        if (!plan.failed() || plan.hasChanges()) s.append(summary(plan, st)).append('\n');
        return s.toString();
    }

    /** {@code 197 hosts unchanged (--show-unchanged lists them)}. */
    static String unchangedLine(long hosts) {
        return Plural.of(hosts, "host") + " unchanged (--show-unchanged lists them)";
    }

    private static void host(StringBuilder s, Style st, HostPlan h, Map<String, String> hostsByUuid) {
        s.append(st.bold(escape(h.name()))).append(" (").append(escape(h.address())).append(")\n");
        h.changes().forEach(c -> change(s, st, c, hostsByUuid));
        h.statuses().forEach(x -> status(s, st, x));
        h.diagnostics().forEach(d -> diagnostic(s, st, d));
        if (Shown.unchanged(h)) {
            s.append("  ").append(st.dim("matches the desired state")).append('\n');
        } else if (h.failed()) {
            s.append("  ").append(st.red("no changes planned: the host has errors")).append('\n');
        }
        s.append('\n');
    }

    private static void change(StringBuilder s, Style st, Change c, Map<String, String> hostsByUuid) {
        String subject = escape(Style.subject(c));
        s.append("  ").append(st.markerPainted(c)).append(' ').append(String.format("%-10s", c.kind().word()));
        if (!subject.isEmpty()) s.append(' ').append(subject);
        if (c.before().isPresent() || c.after().isPresent()) {
            s.append(subject.isEmpty() ? " " : ": ").append(escape(Shown.arrow(c, hostsByUuid)));
        }
        if (!c.needs().isEmpty()) {
            s.append("  ").append(st.yellow(c.needs().stream().sorted().map(Change.Need::text)
                    .collect(Collectors.joining(", ", "(", ")"))));
        }
        s.append('\n').append("      ").append(st.dim("# " + escape(c.reason()))).append('\n');
    }

    private static void status(StringBuilder s, Style st, Status x) {
        String label = x.kind().label() + ":";
        s.append("  ! ").append(x.kind() == Status.Kind.UNREACHABLE ? st.red(label) : st.yellow(label))
                .append(' ').append(escape(x.message())).append('\n');
    }

    /** {@code file:line:col: error: message (hint)}, like {@link Diagnostic#toString()} with the label coloured. */
    static void diagnostic(StringBuilder s, Style st, Diagnostic d) {
        String label = d.severity().label();
        s.append("  ").append(d.where().map(l -> escape(l + ": ")).orElse(""))
                .append(d.isError() ? st.red(label) : st.yellow(label)).append(": ").append(escape(d.message()));
        if (d.hint() != null) s.append(" (").append(escape(d.hint())).append(')');
        s.append('\n');
    }

    /**
     * {@code Plan: N changes on H hosts; R need a reboot.} (and VM restarts), {@code No changes. N hosts match ...}, or
     * for a failed plan without changes its failure ({@link #failure}), never "no changes".
     */
    static String summary(Plan plan, Style st) {
        Plan.Summary sum = plan.summary();
        StringBuilder s = new StringBuilder();
        if (sum.changes() > 0) {
            s.append(st.bold("Plan: " + Plural.of(sum.changes(), "change") + " on "
                    + Plural.of(sum.hostsWithChanges(), "host") + "; " + Plural.of(sum.reboots(), "needs", "need")
                    + " a reboot."));
            if (sum.vmRestarts() > 0) {
                s.append(' ').append(Plural.of(sum.vmRestarts(), "VM needs", "VMs need")).append(" a restart.");
            }
        } else if (plan.failed()) {
            s.append(st.bold(failure(plan)));
        } else {
            long matching = plan.hosts().stream().filter(h -> !h.failed() && !h.unreachable()).count();
            s.append(st.bold("No changes. " + Plural.of(matching, "host matches", "hosts match")
                    + " the desired state."));
        }
        return s.toString();
    }

    static String failure(Plan plan) {
        long errors = plan.hosts().stream().flatMap(h -> h.diagnostics().stream()).filter(Diagnostic::isError).count();
        long failedHosts = plan.hosts().stream().filter(HostPlan::failed).count();
        long unreachable = plan.hosts().stream().filter(HostPlan::unreachable).count();
        StringBuilder s = new StringBuilder("The plan failed:");
        if (errors > 0) {
            s.append(' ').append(Plural.of(errors, "error")).append(" on ")
                    .append(Plural.of(failedHosts, "host"));
        }
        if (unreachable > 0) {
            s.append(errors > 0 ? ", " : " ").append(Plural.of(unreachable, "host")).append(" unreachable");
        }
        return s.append("; nothing will be applied.").toString();
    }
}
