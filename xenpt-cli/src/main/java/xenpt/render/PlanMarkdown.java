package xenpt.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import xenpt.diag.Diagnostic;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;

/**
 * The plan as a pull-request comment (GitHub-flavoured Markdown): the failure first when the plan failed, the summary
 * line, a banner when a reboot or VM restart is needed, a table per host with something to show (each change with
 * why), one line for the unchanged hosts, and the plan's identity and fingerprints collapsed in {@code <details>}.
 * Alerts ({@code > [!WARNING]}) carry their meaning in their first line too, for renderers without GitHub's alerts.
 */
public final class PlanMarkdown {

    /** A host table longer than this is collapsed, so that one busy host does not bury the others. */
    static final int LONG_TABLE = 10;

    private PlanMarkdown() {}

    /** The plan with its unchanged hosts collapsed to one count line. */
    public static String render(Plan plan) {
        return render(plan, false);
    }

    /** @param showUnchanged list the unchanged hosts too, in a collapsed section ({@code --show-unchanged}) */
    public static String render(Plan plan, boolean showUnchanged) {
        Style plain = new Style(false);
        StringBuilder s = new StringBuilder();
        s.append("### xenpt plan\n\n");
        // A failed plan opens with its failure; its summary (if it has changes at all) follows.
        if (plan.failed()) s.append("> [!CAUTION]\n> ⛔ **").append(PlanText.failure(plan)).append("**\n\n");
        if (!plan.failed() || plan.hasChanges()) s.append("**").append(PlanText.summary(plan, plain)).append("**\n\n");
        banner(s, plan);
        Map<String, String> hostsByUuid = Shown.hostsByUuid(plan);
        List<HostPlan> unchanged = plan.hosts().stream().filter(Shown::unchanged).toList();
        for (HostPlan h : plan.hosts()) {
            if (!Shown.unchanged(h)) host(s, h, hostsByUuid);
        }
        unchanged(s, unchanged, showUnchanged, unchanged.size() == plan.hosts().size());
        details(s, plan);
        return s.toString();
    }

    private static void banner(StringBuilder s, Plan plan) {
        Plan.Summary sum = plan.summary();
        if (sum.reboots() > 0 || sum.vmRestarts() > 0) {
            s.append("> [!WARNING]\n> ⚠️ **");
            if (sum.reboots() > 0) s.append(Plural.of(sum.reboots(), "host needs", "hosts need")).append(" a reboot");
            if (sum.reboots() > 0 && sum.vmRestarts() > 0) s.append(" and ");
            if (sum.vmRestarts() > 0) s.append(Plural.of(sum.vmRestarts(), "VM needs", "VMs need")).append(" a restart");
            s.append("** before these changes take effect.\n\n");
        }
    }

    private static void host(StringBuilder s, HostPlan h, Map<String, String> hostsByUuid) {
        s.append("#### ").append(Markdown.cell(h.name())).append(" (").append(Markdown.code(h.address())).append(")\n\n");
        if (!h.changes().isEmpty()) {
            boolean collapse = h.changes().size() > LONG_TABLE;
            if (collapse) s.append(Markdown.summary(Plural.of(h.changes().size(), "change"), false));
            table(s, h.changes(), hostsByUuid);
            if (collapse) s.append("</details>\n\n");
        }
        for (Status x : h.statuses()) {
            s.append("- **").append(x.kind().label()).append("**: ").append(Markdown.cell(x.message())).append('\n');
        }
        for (Diagnostic d : h.diagnostics()) {
            s.append("- ").append(d.isError() ? "❌ **error**" : "⚠️ **warning**").append(": ")
                    .append(Markdown.cell(d.message()));
            if (d.hint() != null) s.append(" (").append(Markdown.cell(d.hint())).append(')');
            d.where().ifPresent(l -> s.append(" — ").append(Markdown.code(l.toString())));
            s.append('\n');
        }
        if (!h.statuses().isEmpty() || !h.diagnostics().isEmpty()) s.append('\n');
    }

    /** One row per change: what, on what, before → after, what it needs, and why. */
    private static void table(StringBuilder s, List<Change> changes, Map<String, String> hostsByUuid) {
        s.append("| | change | target | before | after | needs | why |\n|---|---|---|---|---|---|---|\n");
        for (Change c : changes) {
            s.append("| ").append(Style.marker(c)).append(" | ").append(c.kind().word()).append(" | ")
                    .append(Markdown.cell(c.target())).append(" | ")
                    .append(Markdown.code(Shown.before(c, hostsByUuid).orElse(null))).append(" | ")
                    .append(Markdown.code(Shown.after(c).orElse(null))).append(" | ")
                    .append(c.needs().isEmpty() ? "—"
                            : c.needs().stream().sorted().map(Change.Need::text).collect(Collectors.joining(", ")))
                    .append(" | ").append(Markdown.cell(c.reason())).append(" |\n");
        }
        s.append('\n');
    }

    /**
     * The unchanged hosts: one line, or under {@code --show-unchanged} a collapsed list. Nothing when no host has
     * anything to show: the summary ("No changes. N hosts match ...") says it already.
     */
    private static void unchanged(StringBuilder s, List<HostPlan> hosts, boolean list, boolean all) {
        if (hosts.isEmpty()) return;
        String count = Plural.of(hosts.size(), "host") + " unchanged";
        if (!list) {
            if (!all) s.append(count).append(" (`--show-unchanged` lists them).\n\n");
            return;
        }
        s.append(Markdown.summary(count, false));
        for (HostPlan h : hosts) {
            s.append("- ").append(Markdown.cell(h.name())).append(" (").append(Markdown.code(h.address())).append(")\n");
        }
        s.append("\n</details>\n\n");
    }

    /** The plan's identity, and the facts fingerprint of each host shown above. */
    private static void details(StringBuilder s, Plan plan) {
        s.append(Markdown.summary("Details", false));
        s.append("- plan id: `").append(plan.planId()).append("`\n");
        s.append("- desired state: `").append(plan.desiredDigest()).append('`');
        plan.commit().ifPresent(c -> s.append(" at commit `").append(c).append('`'));
        s.append('\n');
        for (HostPlan h : plan.hosts()) {
            if (Shown.unchanged(h) || h.fingerprint().isEmpty()) continue;
            s.append("- ").append(Markdown.cell(h.name())).append(": facts fingerprint `").append(h.fingerprint())
                    .append("`\n");
        }
        s.append("\n</details>\n");
    }
}
