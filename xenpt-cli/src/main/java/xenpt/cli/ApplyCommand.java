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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xenpt.apply.ApplyOptions;
import xenpt.apply.ApplyReport;
import xenpt.apply.HostResult;
import xenpt.desired.DesiredState;
import xenpt.engine.ApplySavedPlan;
import xenpt.engine.Applying;
import xenpt.engine.Fleet;
import xenpt.engine.Planning;
import xenpt.engine.Plurals;
import xenpt.engine.Session;
import xenpt.plan.Plan;
import xenpt.planfile.SavedPlan;
import xenpt.render.Views;

/**
 * {@code xenpt apply [PLANFILE]}: apply a saved plan exactly, without a question (passing the file is the approval;
 * refused when it cannot be read, was modified, or a host changed since), or plan and apply after an interactive
 * "yes" (or {@code --auto-approve}). A failed plan is never applied. Exit 1 when any host failed.
 */
@Command(name = "apply", description = {
    "Apply a saved plan, or make a plan and apply it after confirmation. Writes to hosts.",
    "Per host: take the host lock, observe again (a stale plan, or one that breaks a safety rule, is refused), hide list,"
            + " VM assignments and affinity, reboot and VM restarts when the policy allows, journal, release the lock."})
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;
    @Mixin GlobalOptions.Parallelism parallelism;
    @Spec CommandSpec spec;

    @Mixin
    DesiredStateOptions desired;

    @Parameters(arity = "0..1", paramLabel = "PLANFILE",
            description = "A plan saved with 'plan --out': applied exactly, with no question and no -f needed (-f, when"
                    + " given, must be the desired state it was made from). Without it, plan now and ask for confirmation.")
    Path planFile;

    @Mixin
    ShardOption shard;

    @Option(names = "--auto-approve", description = "Apply without asking (needed when standard input is not a terminal).")
    boolean autoApprove;

    @Option(names = "--target", paramLabel = "H[/VM]", description = "Limit the plan to a host, or one VM of a host (repeatable; not with PLANFILE).")
    List<String> targets = new ArrayList<>();

    @Mixin
    RebootOptions reboot;

    @Option(names = "--skip-unreachable", description = "Apply to the reachable hosts when some cannot be reached; the"
            + " unreachable ones are listed and the exit code is 1 (default: an unreachable host stops the whole apply).")
    boolean skipUnreachable;

    /** Why nothing was applied, for the {@code -o json} document; null while nothing was refused. */
    private String refusal;
    /** Hosts left out of the plan by {@code --skip-unreachable}, reported as failed. */
    private List<HostResult> leftOut = List.of();

    /** Every path ends with a JSON document on stdout under {@code -o json}, the refusals included. */
    @Override
    public Integer call() throws IOException {
        int exit = applyOrRefuse();
        if (refusal != null) main.views().refused(refusal).ifPresent(main.out::println);
        return exit;
    }

    private int refuse(String reason) {
        refusal = reason;
        return ExitCode.ERROR;
    }

    private int applyOrRefuse() throws IOException {
        Optional<String> misuse = misuse();
        if (misuse.isPresent()) return refuse(misuse.get());
        // A saved plan holds what it needs; -f with it is only checked against the plan's desired-state digest.
        boolean loadDesired = planFile == null || spec.commandLine().getParseResult().hasMatchedOption("--file");
        Optional<DesiredState> state = loadDesired ? Fleet.load(main.session(), desired.path()) : Optional.empty();
        if (loadDesired && state.isEmpty()) return refuse("the desired state is invalid");
        Optional<SavedPlan> saved;
        try {
            saved = planFile == null ? Optional.empty()
                    : Optional.of(ApplySavedPlan.load(main.session(), planFile, targets, state));
        } catch (ApplySavedPlan.Refused e) {
            main.err.println("xenpt: " + e.getMessage() + (e.getMessage().contains("\n") ? "\n" : "; ") + "nothing was applied");
            return refuse(e.getMessage());
        }
        saved.ifPresent(s -> show(s.plan()));
        Optional<Plan> plan = planFile == null ? planNow(state.get()) : saved.map(SavedPlan::plan);
        if (plan.isEmpty()) return refuse(refusal != null ? refusal : "the plan was not made (stderr says why)");
        DesiredState hosts = saved.map(SavedPlan::desired).orElseGet(state::get);
        Session session = saved.map(s -> ApplySavedPlan.session(main.session(), s)).orElseGet(main::session);
        if (!plan.get().hasChanges()) return noChanges(plan.get(), hosts);
        if (planFile == null && !confirmed(plan.get())) return refuse("the apply was not confirmed");
        ApplyReport report = Applying.apply(session, options(), plan.get(), hosts, leftOut);
        main.out.println(main.views().applied(report));
        return report.failed() ? ExitCode.ERROR : ExitCode.OK;
    }

    /** Options that make no sense with a saved plan; said on stderr, the reason returned for the JSON report. */
    private Optional<String> misuse() {
        if (planFile != null && shard.shard().isPresent()) {
            main.err.println("xenpt: a saved plan is applied whole; use --shard when making it (plan --shard K/N --out FILE)");
            return Optional.of("a saved plan is applied whole; --shard is for making it");
        }
        if (planFile != null && skipUnreachable) {
            main.err.println("xenpt: --skip-unreachable is for making the plan (plan --skip-unreachable --out FILE);"
                    + " a saved plan already leaves those hosts out");
            return Optional.of("--skip-unreachable is for making the plan, not with PLANFILE");
        }
        return Optional.empty();
    }

    /** Nothing to apply; hosts left out still fail the run, and a reboot still pending is still a next step. */
    private int noChanges(Plan plan, DesiredState state) {
        ApplyReport report = Applying.nothingToApply(plan, state, leftOut);
        main.err.println("xenpt: no changes; nothing to apply");
        main.views().noChanges(report).ifPresent(main.out::println);
        return report.failed() ? ExitCode.ERROR : ExitCode.OK;
    }

    private Optional<Plan> planNow(DesiredState state) {
        Planning.Request request = new Planning.Request(desired.path(), Optional.empty(), targets, shard.shard(),
                skipUnreachable);
        Optional<Planning.Planned> planned = Planning.plan(main.session(), state, request);
        if (planned.isEmpty()) {
            refusal = "bad --target";
            return Optional.empty();
        }
        Plan plan = planned.get().plan();
        leftOut = Applying.leftOut(planned.get().leftOut());
        show(plan);
        Fleet.warnTargeted(main.session(), planned.get().options(), desired.path());
        if (plan.failed()) {
            main.err.println("xenpt: the plan failed; nothing was applied" + Fleet.unreachableHint(plan));
            refusal = "the plan failed" + Fleet.unreachableHint(plan);
            return Optional.empty();
        }
        return Optional.of(plan);
    }

    /** The plan on stdout; with {@code -o json} on stderr as text, so stdout holds only the JSON report. */
    private void show(Plan plan) {
        Views views = main.views();
        (views.json() ? main.err : main.out).println(views.planBeforeApply(plan));
        main.out.flush();
    }

    /** An interactive "yes"; without a terminal only {@code --auto-approve} applies. */
    private boolean confirmed(Plan plan) throws IOException {
        if (autoApprove) return true;
        if (!main.in.terminal()) {
            main.err.println("xenpt: apply needs confirmation but standard input is not a terminal; pass --auto-approve"
                    + " (e.g. in CI), or save the plan with 'plan --out FILE' and run 'apply FILE'. Nothing was changed.");
            return false;
        }
        main.err.print("Apply " + Plurals.count(plan.summary().changes(), "change", "changes") + " to "
                + Plurals.count(plan.summary().hostsWithChanges(), "host", "hosts") + "? Only 'yes' is accepted: ");
        main.err.flush();
        String answer = main.in.reader().readLine();
        if (answer != null && answer.strip().equals("yes")) return true;
        main.err.println("xenpt: apply cancelled; nothing was changed");
        return false;
    }

    private ApplyOptions options() {
        return reboot.options(main.global().parallelism(), Applying.owner(main.env));
    }
}
