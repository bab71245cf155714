package xenpt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.engine.PlanFiles;
import xenpt.engine.Planning;
import xenpt.render.Views;

/**
 * {@code xenpt drift}: observe every host and classify each difference. Exit 2 when anything drifted, including an
 * unreachable host (SPEC §4: every category makes drift exit 2), 1 for invalid input.
 */
@Command(name = "drift", description = "Observe every host and classify each difference from the desired state. Reads only.")
final class DriftCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;
    @Mixin GlobalOptions.Parallelism parallelism;

    @Mixin
    DesiredStateOptions desired;

    @Mixin
    RefOption ref;

    @Mixin
    ShardOption shard;

    @Mixin
    UnchangedOption unchanged;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path report;

    @Override
    public Integer call() throws IOException {
        Optional<Planning.Drifted> found = Planning.drift(main.session(), desired.path(), ref.ref(), shard.shard());
        if (found.isEmpty()) return ExitCode.ERROR;
        Planning.Drifted d = found.get();
        main.out.println(unchanged.views(main).drift(d.drift(), d.applied()));
        if (report != null) PlanFiles.save(report, Views.driftReport(d.drift(), d.applied()));
        return d.drift().hasDrift() ? ExitCode.CHANGES : ExitCode.OK;
    }
}
