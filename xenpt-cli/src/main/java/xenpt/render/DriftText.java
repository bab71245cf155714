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

    /**
     * @param lastApplied per reached host, its last journal record (empty: never applied); a host without an entry
     *                    (unreachable, or no journal known) shows no line
     */
    public static String render(DriftReport report, boolean color, Map<String, Optional<JournalEntry>> lastApplied) {
        Style st = new Style(color);
        StringBuilder s = new StringBuilder();
        for (DriftReport.HostDrift h : report.hosts()) {
            s.append(st.bold(escape(h.name()))).append(" (").append(escape(h.address())).append(")\n");
            Optional<JournalEntry> applied = lastApplied.get(h.name());
            if (applied != null) s.append("  ").append(st.dim("last applied: " + lastApplied(applied))).append('\n');
            if (!h.drifted()) s.append("  ").append(st.dim("matches the desired state")).append('\n');
            for (DriftReport.Item i : h.items()) {
                String cat = String.format("%-15s", i.category().word());
                s.append("  ").append(i.category() == DriftReport.Category.UNREACHABLE ? st.red(cat) : st.yellow(cat))
                        .append(' ').append(escape(i.subject())).append(": ").append(escape(i.message())).append('\n');
            }
            s.append('\n');
        }
        s.append(st.bold(summary(report))).append('\n');
        return s.toString();
    }

    /** {@code 0123456789ab at 2026-11-25T00:47:00Z (applied)}, or {@code never applied by xenpt}. */
    public static String lastApplied(Optional<JournalEntry> entry) {
        return entry.map(e -> e.shortCommit() + " at " + e.time() + " (" + e.result() + ")").orElse("never applied by xenpt");
    }

    static String summary(DriftReport report) {
        if (!report.hasDrift()) {
            return "No drift. " + Style.plural(report.hosts().size(), "host matches", "hosts match") + " the desired state.";
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
        return "Drift: " + Style.plural((int) total, "difference", "differences") + " on "
                + Style.plural((int) hosts, "host", "hosts") + " (" + by + ").";
    }
}
