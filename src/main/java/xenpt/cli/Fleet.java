package xenpt.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import xenpt.desired.DesiredState;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HostSpec;
import xenpt.desired.LoadResult;
import xenpt.diag.DiagnosticPrinter;
import xenpt.diag.SourceLines;
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
        LoadResult result = DesiredStateLoader.load(options.path());
        DiagnosticPrinter.print(main.err, result.diagnostics(), SourceLines.fromDisk());
        if (!result.ok()) {
            main.err.println("xenpt: the desired state is invalid (" + result.errorCount() + " errors); no host was contacted");
        }
        return result.state();
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
        return Observer.observeAll(hosts, main.global.parallelism,
                spec -> Hosts.connect(spec, main.global, main.env),
                line -> {
                    main.err.println(line);
                    main.err.flush();
                });
    }
}
