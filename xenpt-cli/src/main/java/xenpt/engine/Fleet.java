package xenpt.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.LoadResult;
import xenpt.desired.git.GitDesiredState;
import xenpt.diag.DiagnosticPrinter;
import xenpt.diag.SourceLines;
import xenpt.format.journal.JournalEntry;
import xenpt.observed.Observation;
import xenpt.observed.Observer;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Status;
import xenpt.plan.Target;

/** The steps every reading command shares: load the desired state, pick the targeted hosts, observe them. */
public final class Fleet {

    private Fleet() {}

    /**
     * Loads and checks the desired state; prints its diagnostics to stderr. Empty when it is invalid, in which case
     * no host must be contacted.
     */
    public static Optional<DesiredState> load(Session session, Path desired) {
        return load(session, desired, Optional.empty());
    }

    /** As {@link #load(Session, Path)}, from the git ref when one is given ({@code --ref}). */
    public static Optional<DesiredState> load(Session session, Path desired, Optional<String> ref) {
        GitDesiredState.Loaded loaded = read(desired, ref);
        LoadResult result = loaded.result();
        DiagnosticPrinter.print(session.err(), result.diagnostics(), loaded.lines());
        if (!result.ok()) {
            session.err().println("xenpt: the desired state is invalid (" + Plurals.count(result.errorCount(), "error", "errors")
                    + "); no host was contacted");
        }
        return result.state();
    }

    /**
     * The desired state committed at {@code ref} (review's base or head), diagnostics on stderr; empty when invalid.
     *
     * @param which what the ref is to the user ({@code base}, {@code head})
     */
    public static Optional<DesiredState> loadCommitted(Session session, Path desired, String ref, String which) {
        GitDesiredState.Loaded loaded = GitDesiredState.atRef(desired, ref);
        DiagnosticPrinter.print(session.err(), loaded.result().diagnostics(), loaded.lines());
        if (!loaded.result().ok()) {
            session.err().println("xenpt: the desired state at " + which + " '" + ref + "' is invalid ("
                    + Plurals.count(loaded.result().errorCount(), "error", "errors") + "); no host was contacted");
        }
        return loaded.result().state();
    }

    /** One host of the desired state, for the commands that work on one; empty (said on stderr) when absent. */
    public static Optional<HostSpec> host(Session session, Path desired, String name) {
        Optional<DesiredState> state = load(session, desired);
        if (state.isEmpty()) return Optional.empty();
        Optional<HostSpec> spec = state.get().host(name);
        if (spec.isEmpty()) session.err().println("xenpt: no host '" + name + "' in " + desired);
        return spec;
    }

    /**
     * The desired state at a ref, or from the working tree (with the HEAD commit recorded when the files are
     * unmodified there); diagnostics are not printed.
     */
    public static GitDesiredState.Loaded read(Path path, Optional<String> ref) {
        return ref.map(r -> GitDesiredState.atRef(path, r)).orElseGet(() -> GitDesiredState.workingTree(path));
    }

    /** Parses {@code --target} values; prints usage errors and returns empty when one names no host. */
    public static Optional<PlanOptions> targets(Session session, DesiredState desired, List<String> targets) {
        PlanOptions options;
        try {
            options = new PlanOptions(targets.stream().map(Target::parse).toList(), Optional.empty());
        } catch (IllegalArgumentException e) {
            session.err().println("xenpt: " + e.getMessage());
            return Optional.empty();
        }
        var problems = options.check(desired);
        DiagnosticPrinter.print(session.err(), problems, SourceLines.none());
        return problems.isEmpty() ? Optional.of(options) : Optional.empty();
    }

    /** The state restricted to the shard (all of it without {@code --shard}); says so on stderr when it is empty. */
    public static DesiredState shard(Session session, Optional<Shard> shard, DesiredState state) {
        if (shard.isEmpty()) return state;
        DesiredState part = shard.get().select(state);
        session.err().println("xenpt: shard " + shard.get() + ": " + part.hosts().size() + " of "
                + Plurals.count(state.hosts().size(), "host", "hosts"));
        return part;
    }

    /** The hosts a plan covers: all, or those named by a target. */
    public static List<HostSpec> selected(DesiredState desired, PlanOptions options) {
        if (options.targets().isEmpty()) return desired.hosts();
        Set<String> names = options.targets().stream().map(Target::host).collect(Collectors.toSet());
        return desired.hosts().stream().filter(h -> names.contains(h.name())).toList();
    }

    /** Observes the hosts concurrently (bounded by {@code --parallelism}), progress lines on stderr. */
    public static List<Observation> observe(Session session, List<HostSpec> hosts) {
        Progress progress = Progress.of(session, "observing", hosts.size());
        try {
            return Observer.observeAll(hosts, session.parallelism(),
                    progress.countingSessions(spec -> Hosts.connect(spec, session)), progress);
        } finally {
            progress.done();
        }
    }

    /**
     * Each reached host's last journal record (empty: never applied by xenpt); unreachable hosts are left out, since
     * nothing is known about them.
     */
    public static Map<String, Optional<JournalEntry>> lastApplied(List<Observation> observed) {
        Map<String, Optional<JournalEntry>> m = new TreeMap<>();
        for (Observation o : observed) {
            if (o instanceof Observation.Reached r) m.put(r.name(), r.host().lastApplied());
        }
        return m;
    }

    /** A plan of the reachable hosts, and the hosts left out of it because they could not be reached. */
    public record Reachable(Plan plan, List<HostPlan> leftOut) {}

    /**
     * With {@code --skip-unreachable}, the plan without its unreachable hosts (so the others can be applied), listing
     * those on stderr; without it, the plan as it is: an unreachable host fails it, so nothing is applied (the safe
     * default, since the desired state may rely on all hosts changing together).
     */
    public static Reachable reachable(Session session, Plan plan, boolean skipUnreachable) {
        List<HostPlan> gone = plan.hosts().stream().filter(HostPlan::unreachable).toList();
        if (!skipUnreachable || gone.isEmpty()) return new Reachable(plan, List.of());
        session.err().println("xenpt: --skip-unreachable: " + gone.size() + (gone.size() == 1 ? " host" : " hosts")
                + " left out, not planned and not changed (the exit code is 1):");
        gone.forEach(h -> session.err().println("  " + h.name() + " (" + h.address() + "): " + reason(h)));
        List<HostPlan> rest = plan.hosts().stream().filter(h -> !h.unreachable()).toList();
        return new Reachable(new Plan(rest, plan.planId(), plan.desiredDigest(), plan.commit()), gone);
    }

    /** Why a host was unreachable, as the plan recorded it. */
    public static String reason(HostPlan h) {
        return h.statuses().stream().filter(s -> s.kind() == Status.Kind.UNREACHABLE).map(Status::message)
                .findFirst().orElse("unreachable");
    }

    /** The one-line hint that names {@code --skip-unreachable} when unreachable hosts failed the plan. */
    public static String unreachableHint(Plan plan) {
        long gone = plan.hosts().stream().filter(HostPlan::unreachable).count();
        return gone == 0 ? "" : " (" + gone + (gone == 1 ? " host" : " hosts")
                + " unreachable; --skip-unreachable goes on with the others)";
    }

    /**
     * Terraform's warning for {@code -target}: the plan covers only part of the desired state. On stderr, with the
     * command that shows what is left.
     */
    public static void warnTargeted(Session session, PlanOptions options, Path desired) {
        if (options.targets().isEmpty()) return;
        String targets = options.targets().stream().map(t -> "--target " + t).collect(Collectors.joining(" "));
        session.err().println("xenpt: warning: resource targeting is in effect (" + targets + "): the result is partial;"
                + " the desired state may ask for changes it leaves out. To see what is left, run: xenpt plan -f "
                + xenpt.apply.NextSteps.quote(desired.toString()));
    }
}
