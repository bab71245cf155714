package xenpt.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.Intent;
import xenpt.desired.IntentChange;
import xenpt.json.Json;
import xenpt.plan.BaseAndHead;
import xenpt.plan.Plan;

/**
 * {@code xenpt review} as text and JSON: the intent between two refs, then, when the hosts were contacted, the pull
 * request's own changes apart from the drift that already exists (text), or the plans of head and base (JSON).
 */
public final class ReviewView {

    private ReviewView() {}

    /** The two refs as the user gave them. */
    public record Refs(String base, String head) {}

    public static String text(Refs refs, Intent intent, Optional<BaseAndHead> plans, ReviewFooter footer, boolean color) {
        return text(refs, intent, plans, footer, color, false);
    }

    /** @param showUnchanged list the hosts the pull request leaves unchanged too ({@code --show-unchanged}) */
    public static String text(Refs refs, Intent intent, Optional<BaseAndHead> plans, ReviewFooter footer, boolean color,
            boolean showUnchanged) {
        StringBuilder s = new StringBuilder();
        s.append("Intent of ").append(range(refs, intent)).append(": ").append(intentSummary(intent)).append("\n\n");
        for (String host : intent.hosts()) {
            s.append(InspectView.clean(host)).append('\n');
            for (IntentChange c : intent.of(host)) {
                s.append("  ").append(marker(c)).append(' ').append(String.format("%-12s", c.kind().word())).append(' ')
                        .append(InspectView.clean(c.subject())).append(": ").append(InspectView.clean(c.before().orElse("(none)")))
                        .append(" → ").append(InspectView.clean(c.after().orElse("(none)")));
                needs(c).ifPresent(n -> s.append("  (").append(n).append(')'));
                s.append('\n');
            }
            s.append('\n');
        }
        if (plans.isPresent()) {
            s.append("Changes in this pull request (plan of ").append(InspectView.clean(refs.head()))
                    .append(" against the live hosts, without the drift that already exists):\n\n");
            Plan own = plans.get().pullRequest();
            if (ReviewParts.saysSomething(own)) s.append(PlanText.render(own, color, showUnchanged)).append('\n');
            else s.append("This pull request changes nothing on the live hosts.\n\n");
            ReviewParts.existingText(s, refs, plans.get());
        } else {
            s.append("Offline: no host was contacted; run without --offline for the plan against the live hosts.\n\n");
        }
        return s.append(footer.text()).toString();
    }

    public static String json(Refs refs, Intent intent, Optional<BaseAndHead> plans) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", "1");
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        m.put("base", ordered("ref", refs.base(), "commit", intent.baseCommit().orElse("")));
        m.put("head", ordered("ref", refs.head(), "commit", intent.headCommit().orElse("")));
        List<Object> changes = new ArrayList<>();
        for (IntentChange c : intent.changes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("host", c.host());
            x.put("kind", c.kind().word());
            x.put("subject", c.subject());
            x.put("before", c.before());
            x.put("after", c.after());
            x.put("needs", needWords(c));
            changes.add(x);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("changes", intent.changes().size());
        summary.put("hosts", intent.hosts().size());
        summary.put("reboots", intent.reboots());
        summary.put("vm_restarts", intent.vmRestarts());
        m.put("intent", ordered("changes", changes, "summary", summary));
        String head = Json.write(m);
        String open = head.substring(0, head.length() - 2);
        if (plans.isEmpty()) return open + ",\n  \"plan\": null,\n  \"base_plan\": null\n}";
        return open + ",\n  \"plan\": " + nested(plans.get().head()) + ",\n  \"base_plan\": " + nested(plans.get().base()) + "\n}";
    }

    /** A plan's JSON document as a value one level down. */
    private static String nested(Plan plan) {
        return PlanJson.write(plan).strip().replace("\n", "\n  ");
    }

    /** A two-key JSON object in this order ({@code Map.of}'s order changes from one run to the next). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** {@code base abc1234 → head def5678} (the refs as given, with their commits). */
    static String range(Refs refs, Intent intent) {
        return ref(refs.base(), intent.baseCommit()) + " → " + ref(refs.head(), intent.headCommit());
    }

    private static String ref(String ref, Optional<String> commit) {
        if (commit.isEmpty()) return ref;
        String sha = commit.get().substring(0, Math.min(7, commit.get().length()));
        return ref.equals(sha) ? sha : ref + " (" + sha + ")";
    }

    static String intentSummary(Intent intent) {
        if (intent.isEmpty()) return "no change to the desired state";
        return Plural.of(intent.changes().size(), "change") + " on " + Plural.of(intent.hosts().size(), "host");
    }

    static String marker(IntentChange c) {
        return switch (c.kind()) {
            case HOST_ADDED, HIDE -> "+";
            case HOST_REMOVED, RELEASE -> "-";
            case SETTING, POLICY, ASSIGN -> "~";
        };
    }

    /** The plan's words for what a change needs ({@code reboot}, {@code vm-restart}), for JSON. */
    private static List<String> needWords(IntentChange c) {
        if (c.needsReboot()) return List.of(xenpt.plan.Change.Need.REBOOT.word());
        if (c.needsVmRestart()) return List.of(xenpt.plan.Change.Need.VM_RESTART.word());
        return List.of();
    }

    static Optional<String> needs(IntentChange c) {
        if (c.needsReboot()) return Optional.of("reboot required");
        if (c.needsVmRestart()) return Optional.of("VM restart required");
        return Optional.empty();
    }
}
