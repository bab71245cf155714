package xenpt.cli;

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
import xenpt.observed.JournalEntry;
import xenpt.observed.Observation;
import xenpt.observed.Observer;
import xenpt.plan.PlanOptions;
import xenpt.plan.Target;

/** The steps every reading command shares: load the desired state, pick the targeted hosts, observe them. */
final class Fleet {

    private Fleet() {}

    /**
     * Loads and checks the desired state; prints its diagnostics to stderr. Empty when it is invalid, in which case
     * no host must be contacted.
     */
    static Optional<DesiredState> load(Main main, DesiredStateOptions options) {
        return load(main, options, Optional.empty());
    }

    /** As {@link #load(Main, DesiredStateOptions)}, from the git ref when one is given ({@code --ref}). */
    static Optional<DesiredState> load(Main main, DesiredStateOptions options, Optional<String> ref) {
        GitDesiredState.Loaded loaded = read(options.path(), ref);
        LoadResult result = loaded.result();
        DiagnosticPrinter.print(main.err, result.diagnostics(), loaded.lines());
        if (!result.ok()) {
            main.err.println("xenpt: the desired state is invalid (" + result.errorCount() + " errors); no host was contacted");
        }
        return result.state();
    }

    /**
     * The desired state at a ref, or from the working tree (with the HEAD commit recorded when the files are
     * unmodified there); diagnostics are not printed.
     */
    static GitDesiredState.Loaded read(Path path, Optional<String> ref) {
        return ref.map(r -> GitDesiredState.atRef(path, r)).orElseGet(() -> GitDesiredState.workingTree(path));
    }

    /** Parses {@code --target} values; prints usage errors and returns empty when one names no host. */
    static Optional<PlanOptions> targets(Main main, DesiredState desired, List<String> targets) {
        PlanOptions options;
        try {
            options = new PlanOptions(targets.stream().map(Target::parse).toList(), Optional.empty());
        } catch (IllegalArgumentException e) {
            main.err.println("xenpt: " + e.getMessage());
            return Optional.empty();
        }
        var problems = options.check(desired);
        DiagnosticPrinter.print(main.err, problems, SourceLines.none());
        return problems.isEmpty() ? Optional.of(options) : Optional.empty();
    }

    /** The hosts a plan covers: all, or those named by a target. */
    static List<HostSpec> selected(DesiredState desired, PlanOptions options) {
        if (options.targets().isEmpty()) return desired.hosts();
        Set<String> names = options.targets().stream().map(Target::host).collect(Collectors.toSet());
        return desired.hosts().stream().filter(h -> names.contains(h.name())).toList();
    }

    /** Observes the hosts concurrently (bounded by {@code --parallelism}), progress lines on stderr. */
    static List<Observation> observe(Main main, List<HostSpec> hosts) {
        return observe(main, hosts, main.env);
    }

    /** As {@link #observe(Main, List)}, with another environment (a saved plan's simulated-host directory). */
    static List<Observation> observe(Main main, List<HostSpec> hosts, Map<String, String> env) {
        Progress progress = Progress.of(main);
        try {
            return Observer.observeAll(hosts, main.global.parallelism,
                    spec -> Hosts.connect(spec, main.global, env), progress);
        } finally {
            progress.done();
        }
    }

    /**
     * Each reached host's last journal record (empty: never applied by xenpt); unreachable hosts are left out, since
     * nothing is known about them.
     */
    static Map<String, Optional<JournalEntry>> lastApplied(List<Observation> observed) {
        Map<String, Optional<JournalEntry>> m = new TreeMap<>();
        for (Observation o : observed) {
            if (o instanceof Observation.Reached r) m.put(r.name(), r.host().lastApplied());
        }
        return m;
    }
}
