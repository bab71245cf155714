package xenpt.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.format.journal.JournalEntry;
import xenpt.plan.DriftReport;

/**
 * The drift report as Markdown, for an issue or a job summary: the summary line, then a table of differences per
 * drifted host, and one line for the hosts without drift (listed, collapsed, under {@code --show-unchanged}). Every
 * value from a host or the file goes through {@link Markdown#cell} (pipes, HTML).
 */
public final class DriftMarkdown {

    private DriftMarkdown() {}

    /** @param lastApplied as for {@link DriftText#render(DriftReport, boolean, Map)} */
    public static String render(DriftReport report, Map<String, Optional<JournalEntry>> lastApplied) {
        return render(report, lastApplied, false);
    }

    /** @param showUnchanged list the hosts without drift too, in a collapsed section */
    public static String render(DriftReport report, Map<String, Optional<JournalEntry>> lastApplied,
            boolean showUnchanged) {
        StringBuilder s = new StringBuilder("### xenpt drift\n\n");
        s.append("**").append(Markdown.cell(DriftText.summary(report))).append("**\n\n");
        for (DriftReport.HostDrift h : report.hosts()) {
            if (h.drifted()) host(s, h, lastApplied.get(h.name()));
        }
        List<DriftReport.HostDrift> clean = report.hosts().stream().filter(h -> !h.drifted()).toList();
        if (clean.isEmpty()) return s.toString();
        String count = Plural.of(clean.size(), "host matches", "hosts match") + " the desired state";
        if (!showUnchanged) {
            // No host drifted: the summary ("No drift. N hosts match ...") says it already.
            if (report.hasDrift()) s.append(count).append(" (`--show-unchanged` lists them).\n");
            return s.toString();
        }
        s.append(Markdown.summary(count, false));
        for (DriftReport.HostDrift h : clean) {
            s.append("- ").append(Markdown.cell(h.name())).append(" (").append(Markdown.code(h.address())).append(')');
            Optional<JournalEntry> applied = lastApplied.get(h.name());
            if (applied != null) s.append(" — last applied: ").append(Markdown.cell(DriftText.lastApplied(applied)));
            s.append('\n');
        }
        return s.append("\n</details>\n").toString();
    }

    private static void host(StringBuilder s, DriftReport.HostDrift h, Optional<JournalEntry> applied) {
        s.append("#### ").append(Markdown.cell(h.name())).append(" (").append(Markdown.code(h.address())).append(")\n\n");
        if (applied != null) s.append("Last applied: ").append(Markdown.cell(DriftText.lastApplied(applied))).append(".\n\n");
        boolean collapse = h.items().size() > PlanMarkdown.LONG_TABLE;
        if (collapse) s.append(Markdown.summary(Plural.of(h.items().size(), "difference"), false));
        s.append("| category | subject | difference |\n|---|---|---|\n");
        for (DriftReport.Item i : h.items()) {
            s.append("| ").append(i.category().word()).append(" | ").append(Markdown.cell(i.subject()))
                    .append(" | ").append(Markdown.cell(i.message())).append(" |\n");
        }
        s.append('\n');
        if (collapse) s.append("</details>\n\n");
    }
}
