package xenpt.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.observed.Observation;
import xenpt.plan.Facts;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Staleness;
import xenpt.render.PlanJson;

/**
 * {@code apply PLANFILE}: loads a saved plan and refuses it, before any host is changed, when it failed, when the
 * desired state lacks one of its hosts, or when a host it changes is no longer as the plan saw it (naming each fact
 * that changed). The executor checks again under each host's lock.
 */
final class ApplySavedPlan {

    private ApplySavedPlan() {}

    static Optional<Plan> load(Main main, Path file, List<String> targets, DesiredState state) throws IOException {
        if (!targets.isEmpty()) {
            main.err.println("xenpt: --target cannot be combined with PLANFILE: the saved plan already says what to apply");
            return Optional.empty();
        }
        Plan plan;
        try {
            plan = PlanJson.read(PlanFiles.read(file));
        } catch (NoSuchFileException e) {
            main.err.println("xenpt: " + file + ": no such file");
            return Optional.empty();
        } catch (IOException e) {
            main.err.println("xenpt: " + file + ": cannot read the plan: " + e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            main.err.println("xenpt: " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        if (plan.failed()) {
            main.err.println("xenpt: " + file + ": the plan failed when it was made; a failed plan is never applied");
            return Optional.empty();
        }
        if (!plan.desiredDigest().equals(state.digest())) {
            main.err.println("xenpt: warning: the desired state changed since the plan was made; the saved plan is"
                    + " applied as it was reviewed (hosts are reached with the current settings)");
        }
        List<String> problems = problems(main, plan, state);
        if (!problems.isEmpty()) {
            main.err.println("xenpt: the saved plan is stale; nothing was applied (make a new plan):");
            problems.forEach(p -> main.err.println("  " + p));
            return Optional.empty();
        }
        ApplyCommand.show(main, plan);
        return Optional.of(plan);
    }

    /** One line per host the desired state lacks, host unreachable, or fact changed since the plan was made. */
    private static List<String> problems(Main main, Plan plan, DesiredState state) {
        List<String> out = new ArrayList<>();
        List<HostSpec> specs = new ArrayList<>();
        for (HostPlan h : plan.hosts()) {
            if (h.changes().isEmpty()) continue;
            Optional<HostSpec> spec = state.host(h.name());
            if (spec.isEmpty()) out.add(h.name() + ": not in the desired state, so its address is unknown");
            spec.ifPresent(specs::add);
        }
        for (Observation o : Fleet.observe(main, specs)) {
            HostPlan h = plan.host(o.name()).orElseThrow();
            switch (o) {
                case Observation.Unreachable u -> out.add(u.name() + ": unreachable: " + u.reason());
                case Observation.Reached r ->
                    Staleness.check(h.facts(), Facts.of(r.host())).forEach(f -> out.add(h.name() + ": " + f));
            }
        }
        return out;
    }
}
