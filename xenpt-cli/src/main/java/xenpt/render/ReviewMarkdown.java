package xenpt.render;

import java.util.Optional;
import xenpt.desired.Intent;
import xenpt.desired.IntentChange;
import xenpt.plan.BaseAndHead;
import xenpt.plan.Plan;

/**
 * {@code xenpt review -o markdown}, ready for a pull-request comment: a hidden marker (CI finds and edits its earlier
 * comment by it), the summary, one banner for the pull request's reboots and VM restarts (existing drift apart), the
 * intent as a table per host, the pull request's own changes on the live hosts, the drift that already existed, and a
 * footer with the commands that apply after the merge and the CI run. Long sections are collapsed; the whole is cut
 * cleanly under {@link #LIMIT} characters (GitHub refuses comments over 65,536), the footer kept.
 */
public final class ReviewMarkdown {

    static final int LIMIT = 60_000;

    private ReviewMarkdown() {}

    public static String render(ReviewView.Refs refs, Intent intent, Optional<BaseAndHead> plans, ReviewFooter footer) {
        return render(refs, intent, plans, footer, false);
    }

    /** @param showUnchanged list the hosts the pull request leaves unchanged too ({@code --show-unchanged}) */
    public static String render(ReviewView.Refs refs, Intent intent, Optional<BaseAndHead> plans, ReviewFooter footer,
            boolean showUnchanged) {
        StringBuilder s = new StringBuilder(ReviewFooter.MARKER).append("\n### xenpt review\n\n");
        s.append("**Intent of ").append(Markdown.code(ReviewView.range(refs, intent))).append(": ")
                .append(ReviewView.intentSummary(intent)).append(".**");
        plans.ifPresent(p -> s.append(" **Plan: ").append(planSummary(p)).append("**"));
        s.append("\n\n");
        ReviewParts.banner(s, intent, plans);
        intent(s, intent);
        if (plans.isPresent()) {
            ReviewParts.pullRequest(s, refs, plans.get(), showUnchanged);
            ReviewParts.existing(s, refs, plans.get());
        } else {
            s.append("_Offline review: no host was contacted._\n\n");
        }
        String end = footer.markdown();
        return cut(s.toString(), LIMIT - end.length() - 2).replaceAll("\n+$", "") + "\n\n" + end;
    }

    private static void intent(StringBuilder s, Intent intent) {
        s.append("#### Intent\n\n");
        if (intent.isEmpty()) {
            s.append("The desired state is the same at both refs.\n\n");
            return;
        }
        String open = intent.changes().size() <= ReviewParts.OPEN_ROWS ? "<details open>" : "<details>";
        for (String host : intent.hosts()) {
            s.append(open).append("<summary><b>").append(Markdown.cell(host)).append("</b>: ")
                    .append(Plural.of(intent.of(host).size(), "change", "changes")).append("</summary>\n\n");
            s.append("| | change | subject | before | after | needs |\n|---|---|---|---|---|---|\n");
            for (IntentChange c : intent.of(host)) {
                s.append("| ").append(ReviewView.marker(c)).append(" | ").append(c.kind().word()).append(" | ")
                        .append(Markdown.cell(c.subject())).append(" | ").append(Markdown.cell(c.before().orElse("—"))).append(" | ")
                        .append(Markdown.cell(c.after().orElse("—"))).append(" | ").append(ReviewView.needs(c).orElse("—"))
                        .append(" |\n");
            }
            s.append("\n</details>\n\n");
        }
    }

    /** The pull request's own changes on the live hosts, then the existing drift when there is some. */
    private static String planSummary(BaseAndHead plans) {
        if (plans.head().failed()) return "failed; nothing will be applied.";
        Plan.Summary sum = plans.pullRequest().summary();
        String mine = sum.changes() == 0 ? "this pull request changes nothing on the live hosts."
                : ReviewParts.count(sum.changes(), sum.hostsWithChanges()) + " by this pull request.";
        int existing = plans.existing().size();
        if (existing == 0) return mine;
        return mine + "** **Drift that already exists: " + ReviewParts.count(existing, plans.existingHosts()) + ".";
    }

    /** The plan's own heading and reboot banner are dropped: the review has one summary and one banner on top. */
    static String withoutHeadAndWarning(String planMarkdown) {
        StringBuilder out = new StringBuilder();
        boolean inWarning = false;
        for (String line : planMarkdown.split("\n", -1)) {
            if (line.equals("### xenpt plan")) continue;
            if (line.equals("> [!WARNING]")) inWarning = true;
            if (inWarning) {
                if (line.isEmpty()) inWarning = false;
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString().replaceFirst("^\n+", "").replaceAll("\n+$", "\n");
    }

    /**
     * At most {@code limit} characters, cut at a line boundary; open {@code <details>} are closed and a note says
     * how much was left out. A blank line before the note ends any table that was cut.
     */
    static String cut(String markdown, int limit) {
        if (markdown.length() <= limit) return markdown;
        int budget = limit - 400;
        StringBuilder kept = new StringBuilder();
        int open = 0;
        for (String line : markdown.split("\n", -1)) {
            if (kept.length() + line.length() + 1 > budget) break;
            kept.append(line).append('\n');
            open += count(line, "<details") - count(line, "</details>");
        }
        kept.append('\n');
        for (int i = 0; i < open; i++) kept.append("</details>\n");
        kept.append("\n> [!NOTE]\n> This review was cut at ").append(kept.length()).append(" of ")
                .append(markdown.length()).append(" characters to fit in a comment. Run `xenpt review` locally or read")
                .append(" the CI job log for all of it.\n");
        return kept.toString();
    }

    private static int count(String line, String tag) {
        int n = 0;
        for (int i = line.indexOf(tag); i >= 0; i = line.indexOf(tag, i + 1)) n++;
        return n;
    }


}
