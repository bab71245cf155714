package xenpt.render;

import java.util.stream.Collectors;
import xenpt.diag.Diagnostic;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;

/**
 * The plan as a pull-request comment (GitHub-flavoured Markdown): the failure first when the plan failed, the summary
 * line, a banner when a reboot or VM restart is needed, a table per host, and the reasons and fingerprints collapsed in
 * {@code <details>}.
 */
public final class PlanMarkdown {

    private PlanMarkdown() {}

    public static String render(Plan plan) {
        Style plain = new Style(false);
        StringBuilder s = new StringBuilder();
        s.append("### xenpt plan\n\n");
        // A failed plan opens with its failure; its summary (if it has changes at all) follows.
        if (plan.failed()) s.append("> [!CAUTION]\n> ").append(PlanText.failure(plan)).append("\n\n");
        if (!plan.failed() || plan.hasChanges()) s.append("**").append(PlanText.summary(plan, plain)).append("**\n\n");
        banner(s, plan);
        for (HostPlan h : plan.hosts()) host(s, h);
        details(s, plan);
        return s.toString();
    }

    private static void banner(StringBuilder s, Plan plan) {
        Plan.Summary sum = plan.summary();
        if (sum.reboots() > 0 || sum.vmRestarts() > 0) {
            s.append("> [!WARNING]\n> ");
            if (sum.reboots() > 0) s.append(Style.plural(sum.reboots(), "host needs", "hosts need")).append(" a reboot");
            if (sum.reboots() > 0 && sum.vmRestarts() > 0) s.append(" and ");
            if (sum.vmRestarts() > 0) s.append(Style.plural(sum.vmRestarts(), "VM needs", "VMs need")).append(" a restart");
            s.append(" before these changes take effect.\n\n");
        }
    }

    private static void host(StringBuilder s, HostPlan h) {
        s.append("#### ").append(Markdown.cell(h.name())).append(" (").append(Markdown.code(h.address())).append(")\n\n");
        if (!h.changes().isEmpty()) {
            s.append("| | change | target | before | after | needs |\n|---|---|---|---|---|---|\n");
            for (Change c : h.changes()) {
                s.append("| ").append(Style.marker(c)).append(" | ").append(c.kind().word()).append(" | ")
                        .append(Markdown.cell(c.target())).append(" | ").append(Markdown.code(c.before().orElse(null))).append(" | ")
                        .append(Markdown.code(c.after().orElse(null))).append(" | ")
                        .append(c.needs().isEmpty() ? "—"
                                : c.needs().stream().sorted().map(Change.Need::text).collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
            s.append('\n');
        } else if (h.statuses().isEmpty() && h.diagnostics().isEmpty()) {
            s.append("No changes; the host matches the desired state.\n\n");
        }
        for (Status x : h.statuses()) {
            s.append("- **").append(x.kind().label()).append("**: ").append(Markdown.cell(x.message())).append('\n');
        }
        for (Diagnostic d : h.diagnostics()) {
            s.append("- ").append(d.isError() ? ":x: **error**" : ":warning: **warning**").append(": ")
                    .append(Markdown.cell(d.message()));
            if (d.hint() != null) s.append(" (").append(Markdown.cell(d.hint())).append(')');
            d.where().ifPresent(l -> s.append(" — ").append(Markdown.code(l.toString())));
            s.append('\n');
        }
        if (!h.statuses().isEmpty() || !h.diagnostics().isEmpty()) s.append('\n');
    }

    private static void details(StringBuilder s, Plan plan) {
        s.append("<details><summary>Details</summary>\n\n");
        s.append("- plan id: `").append(plan.planId()).append("`\n");
        s.append("- desired state: `").append(plan.desiredDigest()).append('`');
        plan.commit().ifPresent(c -> s.append(" at commit `").append(c).append('`'));
        s.append("\n\n");
        for (HostPlan h : plan.hosts()) {
            s.append("**").append(Markdown.cell(h.name())).append("**");
            if (!h.fingerprint().isEmpty()) s.append(" — facts fingerprint `").append(h.fingerprint()).append('`');
            s.append("\n\n");
            for (Change c : h.changes()) {
                s.append("- ").append(c.kind().word()).append(' ').append(Markdown.cell(c.target())).append(": ")
                        .append(Markdown.cell(c.reason())).append('\n');
            }
            if (!h.changes().isEmpty()) s.append('\n');
        }
        s.append("</details>\n");
    }


}
