package xenpt.render;

import java.util.Optional;
import xenpt.desired.Intent;
import xenpt.desired.IntentChange;
import xenpt.plan.Plan;

/**
 * {@code xenpt review -o markdown}, ready for a pull-request comment: the summary first, one banner when reboots or
 * VM restarts follow, the intent as a table per host, then the plan of head (its details collapsed). Cut cleanly
 * under {@link #LIMIT} characters: GitHub refuses comments over 65,536.
 */
public final class ReviewMarkdown {

    static final int LIMIT = 60_000;

    private ReviewMarkdown() {}

    public static String render(ReviewView.Refs refs, Intent intent, Optional<Plan> plan) {
        StringBuilder s = new StringBuilder("### xenpt review\n\n");
        s.append("**Intent of ").append(Markdown.code(ReviewView.range(refs, intent))).append(": ")
                .append(ReviewView.intentSummary(intent)).append(".**");
        plan.ifPresent(p -> s.append(" **Plan: ").append(planSummary(p)).append("**"));
        s.append("\n\n");
        banner(s, intent, plan);
        intent(s, intent);
        if (plan.isPresent()) {
            s.append("#### Plan of ").append(Markdown.code(refs.head())).append(" against the live hosts\n\n");
            s.append(withoutHeadAndWarning(PlanMarkdown.render(plan.get())));
        } else {
            s.append("_Offline review: no host was contacted._\n");
        }
        return cut(s.toString(), LIMIT);
    }

    /** Reboots and restarts as the plan counts them when there is one (it knows the hosts), else as the intent does. */
    private static void banner(StringBuilder s, Intent intent, Optional<Plan> plan) {
        long reboots = plan.map(p -> (long) p.summary().reboots()).orElse(intent.reboots());
        long restarts = plan.map(p -> (long) p.summary().vmRestarts()).orElse(intent.vmRestarts());
        if (reboots == 0 && restarts == 0) return;
        s.append("> [!WARNING]\n> After merge and apply, ");
        if (reboots > 0) s.append(reboots).append(reboots == 1 ? " host needs" : " hosts need").append(" a reboot");
        if (reboots > 0 && restarts > 0) s.append(" and ");
        if (restarts > 0) s.append(restarts).append(restarts == 1 ? " VM needs" : " VMs need").append(" a restart");
        s.append(" before the changes take effect.\n\n");
    }

    private static void intent(StringBuilder s, Intent intent) {
        s.append("#### Intent\n\n");
        if (intent.isEmpty()) {
            s.append("The desired state is the same at both refs.\n\n");
            return;
        }
        for (String host : intent.hosts()) {
            s.append("<details open><summary><b>").append(Markdown.cell(host)).append("</b>: ")
                    .append(intent.of(host).size()).append(intent.of(host).size() == 1 ? " change" : " changes")
                    .append("</summary>\n\n");
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

    private static String planSummary(Plan p) {
        Plan.Summary sum = p.summary();
        if (p.failed()) return "failed; nothing will be applied.";
        if (sum.changes() == 0) return "no changes on the live hosts.";
        return sum.changes() + (sum.changes() == 1 ? " change" : " changes") + " on " + sum.hostsWithChanges()
                + (sum.hostsWithChanges() == 1 ? " host." : " hosts.");
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
