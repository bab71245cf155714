package xenpt.render;

import java.util.Map;
import java.util.Optional;
import xenpt.format.journal.JournalEntry;
import xenpt.plan.DriftReport;

/**
 * The drift report as Markdown, for an issue or a job summary: the summary line, then a table of differences per
 * drifted host. Every value from a host or the file goes through {@link Markdown#cell} (pipes, HTML).
 */
public final class DriftMarkdown {

    private DriftMarkdown() {}

    /** @param lastApplied as for {@link DriftText#render(DriftReport, boolean, Map)} */
    public static String render(DriftReport report, Map<String, Optional<JournalEntry>> lastApplied) {
        StringBuilder s = new StringBuilder("### xenpt drift\n\n");
        s.append("**").append(Markdown.cell(DriftText.summary(report))).append("**\n\n");
        for (DriftReport.HostDrift h : report.hosts()) {
            s.append("#### ").append(Markdown.cell(h.name())).append(" (").append(Markdown.code(h.address())).append(")\n\n");
            Optional<JournalEntry> applied = lastApplied.get(h.name());
            if (applied != null) s.append("Last applied: ").append(Markdown.cell(DriftText.lastApplied(applied))).append(".\n\n");
            if (!h.drifted()) {
                s.append("Matches the desired state.\n\n");
                continue;
            }
            s.append("| category | subject | difference |\n|---|---|---|\n");
            for (DriftReport.Item i : h.items()) {
                s.append("| ").append(i.category().word()).append(" | ").append(Markdown.cell(i.subject()))
                        .append(" | ").append(Markdown.cell(i.message())).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }
}
