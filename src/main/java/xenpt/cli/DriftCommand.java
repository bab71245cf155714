package xenpt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.DesiredState;
import xenpt.observed.JournalEntry;
import xenpt.observed.Observation;
import xenpt.plan.Drift;
import xenpt.plan.DriftReport;
import xenpt.render.DriftJson;

/**
 * {@code xenpt drift}: observe every host and classify each difference. Exit 2 when anything drifted, including an
 * unreachable host (SPEC §4: every category makes drift exit 2), 1 for invalid input.
 */
@Command(name = "drift", description = "Observe every host and classify each difference from the desired state. Reads only.")
final class DriftCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    DesiredStateOptions desired;

    @Mixin
    RefOption ref;

    @Mixin
    ShardOption shard;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path report;

    @Override
    public Integer call() throws IOException {
        Optional<DesiredState> loaded = Fleet.load(main, desired, ref.ref());
        if (loaded.isEmpty()) return ExitCode.ERROR;
        DesiredState state = shard.apply(main, loaded.get());
        List<Observation> observed = Fleet.observe(main, state.hosts());
        DriftReport drift = Drift.classify(state, observed);
        Map<String, Optional<JournalEntry>> applied = Fleet.lastApplied(observed);
        main.out.println(main.views().drift(drift, applied));
        if (report != null) PlanFiles.save(report, DriftJson.write(drift, applied));
        return drift.hasDrift() ? ExitCode.CHANGES : ExitCode.OK;
    }
}
