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
import xenpt.plan.BaseAndHead;
import xenpt.plan.Plan;
import xenpt.engine.Fleet;
import xenpt.engine.Planning;

/**
 * {@code xenpt review}: pull-request review. First the intent between the desired state at {@code --base} and at
 * {@code --head} (both read from git, no host contacted), then, unless {@code --offline}, the plans of head and of base
 * against one observation of the live hosts, so that the pull request's own changes show apart from drift that
 * already exists. Head defaults to {@code HEAD}, the commit under review (in CI, the pull request's merge commit);
 * uncommitted edits are not reviewed, so that the comment always describes something that can be merged.
 * Exit 0 without changes, 2 with changes in the intent or the plan, 1 on error (including a failed plan).
 */
@Command(name = "review",
        description = "Pull-request review: what the desired state changes between two git refs (contacts no host),"
                + " then, unless --offline, its changes on the live hosts apart from the drift that already exists there.")
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

    @Mixin
    UnchangedOption unchanged;

    @Override
    public Integer call() {
        Optional<DesiredState> before = Fleet.loadCommitted(main.session(), desired.path(), base, "base");
        Optional<DesiredState> after = Fleet.loadCommitted(main.session(), desired.path(), head, "head");
        if (before.isEmpty() || after.isEmpty()) return ExitCode.ERROR;
        Intent intent = IntentDiff.between(before.get(), after.get());
        Optional<BaseAndHead> plans = offline ? Optional.empty()
                : Optional.of(Planning.planBoth(main.session(), before.get(), after.get()));
        main.out.println(unchanged.views(main).review(base, head, intent, plans, desired.path().toString(), main.env));
        Optional<Plan> plan = plans.map(BaseAndHead::head);
        if (plan.isPresent() && plan.get().failed()) return ExitCode.ERROR;
        boolean changes = !intent.isEmpty() || plan.map(Plan::hasChanges).orElse(false);
        return changes ? ExitCode.CHANGES : ExitCode.OK;
    }
}
