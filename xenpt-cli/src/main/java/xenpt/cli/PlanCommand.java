package xenpt.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import xenpt.engine.Fleet;
import xenpt.engine.PlanFiles;
import xenpt.engine.Planning;
import xenpt.plan.Plan;

/** {@code xenpt plan}: observe the hosts, compare with the desired state, print the plan. Reads only. */
@Command(name = "plan", description = "Observe the hosts, compare with the desired state and print the change plan. Reads only.")
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;
    @Mixin GlobalOptions.Parallelism parallelism;

    @Spec
    CommandSpec spec;

    @Mixin
    DesiredStateOptions desired;

    @Mixin
    RefOption ref;

    @Mixin
    ShardOption shard;

    @Mixin
    UnchangedOption unchanged;

    @Option(names = "--target", paramLabel = "H[/VM]", description = "Limit the plan to a host, or to one VM of a host (repeatable).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan (JSON, mode 0600) for 'apply FILE' and 'show FILE'.")
    Path out;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the plan has changes, 0 when it has none.")
    boolean detailedExitCode;

    @Option(names = "--skip-unreachable", description = "Leave unreachable hosts out of the plan (listed on stderr, exit 1)"
            + " so that the others can be applied; without it an unreachable host fails the plan.")
    boolean skipUnreachable;

    @Override
    public Integer call() throws IOException {
        Optional<Planning.Planned> planned = Planning.plan(main.session(),
                new Planning.Request(desired.path(), ref.ref(), targets, shard.shard(), skipUnreachable));
        if (planned.isEmpty()) return ExitCode.ERROR;
        Plan plan = planned.get().plan();
        main.out.println(unchanged.views(main).plan(plan));
        Fleet.warnTargeted(main.session(), planned.get().options(), desired.path());
        if (out != null) {
            PlanFiles.save(out, planned.get(), main.env);
            main.err.println("xenpt: plan saved to " + out + savedHint(plan, out));
        } else if (plan.hasChanges() && !plan.failed()) {
            main.err.println(notSaved(spec.commandLine().getParseResult().originalArgs()));
        }
        if (plan.failed()) {
            main.err.println("xenpt: the plan failed" + Fleet.unreachableHint(plan));
            return ExitCode.ERROR;
        }
        if (!planned.get().leftOut().isEmpty()) return ExitCode.ERROR;
        return detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }

    /** Where the note suggests saving the plan: xenpt's own directory, which git ignores like the simulator's state. */
    static final String SUGGESTED_OUT = ".xenpt/plan.json";

    /**
     * Like Terraform's note on a plan made without {@code -out}: apply plans again, and may find something else. It
     * ends with the two commands that save and apply exactly this plan: this command line again (its words quoted for
     * a POSIX shell) with {@code --out}, then {@code apply} of that file.
     */
    static String notSaved(List<String> args) {
        StringBuilder again = new StringBuilder("xenpt");
        args.forEach(a -> again.append(' ').append(xenpt.transport.Command.quote(a)));
        return "xenpt: note: this plan was not saved, so 'xenpt apply' will plan again and may do other things if a"
                + " host or the desired state changes in between. To apply exactly this plan, save it, then apply the"
                + " file:\n  " + again + " --out " + SUGGESTED_OUT + "\n  xenpt apply " + SUGGESTED_OUT;
    }

    /** The command that applies the saved plan, with an absolute path so that it works from any directory. */
    private static String savedHint(Plan plan, Path out) {
        if (plan.failed()) return "; the plan failed, so it cannot be applied";
        if (!plan.hasChanges()) return "; it has no changes, so there is nothing to apply";
        return " (apply it with: xenpt apply " + xenpt.transport.Command.quote(out.toAbsolutePath().normalize().toString()) + ")";
    }
}
