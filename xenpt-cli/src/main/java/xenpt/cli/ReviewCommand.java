package xenpt.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.DesiredState;
import xenpt.desired.Intent;
import xenpt.desired.IntentDiff;
import xenpt.plan.Plan;
import xenpt.engine.Fleet;
import xenpt.engine.Planning;

/**
 * {@code xenpt review}: pull-request review. First the intent between the desired state at {@code --base} and at
 * {@code --head} (both read from git, no host contacted), then, unless {@code --offline}, the plan of head against
 * the live hosts. Head defaults to {@code HEAD}, the commit under review (in CI, the pull request's merge commit);
 * uncommitted edits are not reviewed, so that the comment always describes something that can be merged.
 * Exit 0 without changes, 2 with changes in the intent or the plan, 1 on error (including a failed plan).
 */
@Command(name = "review",
        description = "Pull-request review: what the desired state changes between two git refs (contacts no host),"
                + " then the plan of head against the live hosts unless --offline.")
final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;
    @Mixin GlobalOptions.Parallelism parallelism;

    @Mixin
    DesiredStateOptions desired;

    @Option(names = "--base", required = true, paramLabel = "REF", description = "The ref the change is compared with (e.g. origin/main).")
    String base;

    @Option(names = {"--head", "--ref"}, paramLabel = "REF", defaultValue = "HEAD",
            description = "The ref under review (default: ${DEFAULT-VALUE}; uncommitted edits are not reviewed).")
    String head;

    @Option(names = "--offline", description = "Only the intent: contact no host.")
    boolean offline;

    @Override
    public Integer call() {
        Optional<DesiredState> before = Fleet.loadCommitted(main.session(), desired.path(), base, "base");
        Optional<DesiredState> after = Fleet.loadCommitted(main.session(), desired.path(), head, "head");
        if (before.isEmpty() || after.isEmpty()) return ExitCode.ERROR;
        Intent intent = IntentDiff.between(before.get(), after.get());
        Optional<Plan> plan = Optional.empty();
        if (!offline) {
            plan = Optional.of(Planning.planAll(main.session(), after.get()));
        }
        main.out.println(main.views().review(base, head, intent, plan));
        if (plan.isPresent() && plan.get().failed()) return ExitCode.ERROR;
        boolean changes = !intent.isEmpty() || plan.map(Plan::hasChanges).orElse(false);
        return changes ? ExitCode.CHANGES : ExitCode.OK;
    }
}
