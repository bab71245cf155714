package xenpt.render;

import static xenpt.diag.ControlChars.escape;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.stream.Collectors;
import xenpt.format.journal.JournalEntry;
import xenpt.plan.DriftReport;

/** The drift report for a terminal: per host, one line per difference with its category. */
public final class DriftText {

    private DriftText() {}

    public static String render(DriftReport report, boolean color) {
        return render(report, color, Map.of());
    }

    public static String render(DriftReport report, boolean color, Map<String, Optional<JournalEntry>> lastApplied) {
        return render(report, color, lastApplied, false);
    }

    /**
     * @param lastApplied   per reached host, its last journal record (empty: never applied); a host without an entry
     *                      (unreachable, or no journal known) shows no line
     * @param showUnchanged list the hosts without drift too, rather than one count line ({@code --show-unchanged})
     */
    public static String render(DriftReport report, boolean color, Map<String, Optional<JournalEntry>> lastApplied,
            boolean showUnchanged) {
        Style st = new Style(color);
        StringBuilder s = new StringBuilder();
        long collapsed = 0;
        for (DriftReport.HostDrift h : report.hosts()) {
            if (!showUnchanged && !h.drifted()) {
                collapsed++;
                continue;
            }
            host(s, st, h, lastApplied.get(h.name()));
        }
        // No host drifted: the summary ("No drift. N hosts match ...") says it already.
        if (collapsed > 0 && report.hasDrift()) s.append(st.dim(withoutDrift(collapsed))).append("\n\n");
        s.append(st.bold(summary(report))).append('\n');
        return s.toString();
    }

    /** {@code 197 hosts match the desired state (--show-unchanged lists them)}. */
    static String withoutDrift(long hosts) {
        return Plural.of(hosts, "host matches", "hosts match") + " the desired state (--show-unchanged lists them)";
    }

    private static void host(StringBuilder s, Style st, DriftReport.HostDrift h, Optional<JournalEntry> applied) {
        s.append(st.bold(escape(h.name()))).append(" (").append(escape(h.address())).append(")\n");
        if (applied != null) s.append("  ").append(st.dim("last applied: " + lastApplied(applied))).append('\n');
        if (!h.drifted()) s.append("  ").append(st.dim("matches the desired state")).append('\n');
        for (DriftReport.Item i : h.items()) {
            String cat = String.format("%-15s", i.category().word());
            s.append("  ").append(i.category() == DriftReport.Category.UNREACHABLE ? st.red(cat) : st.yellow(cat))
                    .append(' ').append(escape(i.subject())).append(": ").append(escape(i.message())).append('\n');
        }
        s.append('\n');
    }

    /** {@code 0123456789ab at 2026-11-25T00:47:00Z (applied)}, or {@code never applied by xenpt}. */
    public static String lastApplied(Optional<JournalEntry> entry) {
        return entry.map(e -> e.shortCommit() + " at " + e.time() + " (" + e.result() + ")").orElse("never applied by xenpt");
    }

    static String summary(DriftReport report) {
        if (!report.hasDrift()) {
            return "No drift. " + Plural.of(report.hosts().size(), "host matches", "hosts match") + " the desired state.";
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (DriftReport.Category c : DriftReport.Category.values()) {
            long n = report.count(c);
            total += n;
            if (n > 0) counts.put(c.word(), n);
        }
        long hosts = report.hosts().stream().filter(DriftReport.HostDrift::drifted).count();
        String by = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "Drift: " + Plural.of(total, "difference") + " on "
                + Plural.of(hosts, "host") + " (" + by + ").";
    }
}
