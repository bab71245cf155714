package xenpt.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;
import xenpt.desired.Intent;
import xenpt.plan.BaseAndHead;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;

/**
 * The parts of a review that tell the pull request's own changes from drift that already exists on the live hosts
 * (rows that planning base makes too): the banner that counts only the pull request's reboots and mentions the
 * existing drift apart, the pull request's plan, and the existing drift.
 */
final class ReviewParts {

    /** Up to this many rows a section is shown open; a longer one is collapsed in {@code <details>}. */
    static final int OPEN_ROWS = 10;

    private ReviewParts() {}

    /** {@code 3 changes on 1 host} */
    static String count(int changes, int hosts) {
        return Plural.of(changes, "change", "changes") + " on " + Plural.of(hosts, "host", "hosts");
    }

    /**
     * Reboots and restarts of the pull request as its own plan counts them when there is one (it knows the hosts),
     * else as the intent does; then the existing drift, apart. Nothing when neither needs anything.
     */
    static void banner(StringBuilder s, Intent intent, Optional<BaseAndHead> plans) {
        Optional<Plan.Summary> own = plans.map(p -> p.pullRequest().summary());
        long reboots = own.map(x -> (long) x.reboots()).orElse(intent.reboots());
        long restarts = own.map(x -> (long) x.vmRestarts()).orElse(intent.vmRestarts());
        List<BaseAndHead.Existing> existing = plans.map(BaseAndHead::existing).orElse(List.of());
        if (reboots == 0 && restarts == 0 && existing.isEmpty()) return;
        // A sign and bold sentences, as plan's alerts: a renderer without GitHub's alerts shows "[!WARNING]" before them.
        s.append("> [!WARNING]\n> ⚠️ ");
        if (reboots == 0 && restarts == 0) {
            s.append("**This pull request needs no reboot and no VM restart.**");
        } else {
            s.append("**After merge and apply, ");
            if (reboots > 0) s.append(Plural.of((int) reboots, "host needs", "hosts need")).append(" a reboot");
            if (reboots > 0 && restarts > 0) s.append(" and ");
            if (restarts > 0) s.append(Plural.of((int) restarts, "VM needs", "VMs need")).append(" a restart");
            s.append("** before this pull request's changes take effect.");
        }
        if (!existing.isEmpty()) {
            BaseAndHead p = plans.get();
            s.append("\n>\n> **Drift that already exists:** ").append(count(existing.size(), p.existingHosts()))
                    .append(", not from this pull request (planned at base too)");
            if (p.existingReboots() > 0) {
                s.append("; for it alone ").append(Plural.of(p.existingReboots(), "host needs", "hosts need"))
                        .append(" a reboot");
            }
            s.append(". See below.");
        }
        s.append("\n\n");
    }

    /** The plan of head without the existing drift; a line instead when the pull request changes no host. */
    static void pullRequest(StringBuilder s, ReviewView.Refs refs, BaseAndHead plans, boolean showUnchanged) {
        Plan own = plans.pullRequest();
        s.append("#### Changes in this pull request\n\n");
        if (!saysSomething(own)) {
            s.append("_This pull request changes nothing on the live hosts._\n\n");
            return;
        }
        s.append("_The plan of ").append(Markdown.code(refs.head()))
                .append(" against the live hosts, without the drift that already exists._\n\n");
        s.append(ReviewMarkdown.withoutHeadAndWarning(PlanMarkdown.render(own, showUnchanged))).append('\n');
    }

    /** Whether a plan has anything to show: a row, a status or a finding on some host. */
    static boolean saysSomething(Plan plan) {
        return plan.hosts().stream().anyMatch(h -> !h.changes().isEmpty() || !h.statuses().isEmpty() || !h.diagnostics().isEmpty());
    }

    /** Base's rows and findings: drift the live hosts have whatever the pull request says; collapsed when long. */
    static void existing(StringBuilder s, ReviewView.Refs refs, BaseAndHead plans) {
        List<BaseAndHead.Existing> rows = plans.existing();
        List<HostPlan> findings = plans.existingFindings();
        if (rows.isEmpty() && findings.isEmpty()) return;
        s.append("#### Drift that already exists\n\n");
        s.append("Planning base ").append(Markdown.code(refs.base()))
                .append(" against the same hosts finds this too: the live hosts already differ from base.\n\n");
        int lines = rows.size() + findings.stream().mapToInt(h -> h.statuses().size() + h.diagnostics().size()).sum();
        s.append(lines <= OPEN_ROWS ? "<details open>" : "<details>").append("<summary>")
                .append(rows.isEmpty() ? "no change" : count(rows.size(), plans.existingHosts()))
                .append(findings.isEmpty() ? "" : "; " + Plural.of(findings.size(), "host", "hosts") + " with findings")
                .append("</summary>\n\n");
        if (!rows.isEmpty()) {
            s.append("| host | | change | target | before | after | needs | with this pull request |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            Map<String, String> hosts = hostsByUuid(plans);
            rows.forEach(e -> row(s, e, hosts));
            s.append('\n');
        }
        for (HostPlan h : findings) {
            String host = "- **" + Markdown.cell(h.name()) + "**: ";
            h.statuses().forEach(x -> s.append(host).append(x.kind().label()).append(": ").append(Markdown.cell(x.message())).append('\n'));
            h.diagnostics().forEach(d -> s.append(host).append("⚠️ warning: ").append(Markdown.cell(d.message()))
                    .append(d.hint() == null ? "" : " (" + Markdown.cell(d.hint()) + ")").append('\n'));
        }
        s.append(findings.isEmpty() ? "" : "\n").append("</details>\n\n");
    }

    private static void row(StringBuilder s, BaseAndHead.Existing e, Map<String, String> hostsByUuid) {
        Change c = e.change();
        s.append("| ").append(Markdown.cell(c.host())).append(" | ").append(Style.marker(c)).append(" | ")
                .append(c.kind().word()).append(" | ").append(Markdown.cell(c.target())).append(" | ")
                .append(Markdown.code(Shown.before(c, hostsByUuid).orElse(null))).append(" | ")
                .append(Markdown.code(Shown.after(c).orElse(null)))
                .append(" | ").append(needs(c)).append(" | ").append(fate(e)).append(" |\n");
    }

    /** The existing drift as text lines, for {@code review} without {@code -o}. */
    static void existingText(StringBuilder s, ReviewView.Refs refs, BaseAndHead plans) {
        List<BaseAndHead.Existing> rows = plans.existing();
        List<HostPlan> findings = plans.existingFindings();
        if (rows.isEmpty() && findings.isEmpty()) return;
        s.append("Drift that already exists (planning base ").append(InspectView.clean(refs.base()))
                .append(" finds this too): ").append(count(rows.size(), plans.existingHosts())).append('\n');
        Map<String, String> hosts = hostsByUuid(plans);
        for (BaseAndHead.Existing e : rows) {
            Change c = e.change();
            s.append("  ").append(Style.marker(c)).append(' ').append(String.format("%-10s", c.kind().word())).append(' ')
                    .append(InspectView.clean(c.target())).append(": ").append(InspectView.clean(Shown.arrow(c, hosts)))
                    .append("  (")
                    .append(c.needs().isEmpty() ? "" : needs(c) + "; ").append(fate(e)).append(")\n");
        }
        for (HostPlan h : findings) {
            String host = "  " + InspectView.clean(h.name()) + ": ";
            h.statuses().forEach(x -> s.append(host).append(x.kind().label()).append(": ").append(InspectView.clean(x.message())).append('\n'));
            h.diagnostics().forEach(d -> s.append(host).append("warning: ").append(InspectView.clean(d.message())).append('\n'));
        }
        s.append('\n');
    }

    /** The hosts that the pins of either plan name, by uuid: a pin row names its host, not a bare uuid. */
    private static Map<String, String> hostsByUuid(BaseAndHead plans) {
        Map<String, String> hosts = new TreeMap<>(Shown.hostsByUuid(plans.base()));
        hosts.putAll(Shown.hostsByUuid(plans.head()));
        return hosts;
    }

    private static String needs(Change c) {
        return c.needs().isEmpty() ? "—" : c.needs().stream().sorted().map(Change.Need::text).collect(Collectors.joining(", "));
    }

    private static String fate(BaseAndHead.Existing e) {
        return e.kept() ? "applied as it is" : "changed by this pull request (see above)";
    }
}
