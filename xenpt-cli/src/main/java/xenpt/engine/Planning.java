package xenpt.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.format.journal.JournalEntry;
import xenpt.observed.Observation;
import xenpt.plan.BaseAndHead;
import xenpt.plan.Drift;
import xenpt.plan.DriftReport;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;

/**
 * The reading workflows: load → target → shard → observe → plan (what {@code plan} and {@code apply} share), and
 * load → observe → classify for {@code drift}. Problems go to the session's stderr; an empty result means the input
 * was invalid and no host was contacted.
 */
public final class Planning {

    private Planning() {}

    /** What to plan: the desired state (at a git ref, or the working tree), targets, shard, unreachable hosts left out. */
    public record Request(Path desired, Optional<String> ref, List<String> targets, Optional<Shard> shard,
            boolean skipUnreachable) {
        public Request {
            Objects.requireNonNull(desired, "desired");
            Objects.requireNonNull(ref, "ref");
            targets = List.copyOf(targets);
            Objects.requireNonNull(shard, "shard");
        }
    }

    /** A plan made: the (sharded) desired state, the targeting, the plan of the reachable hosts, the hosts left out. */
    public record Planned(DesiredState state, PlanOptions options, Plan plan, List<HostPlan> leftOut) {
        public Planned {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(plan, "plan");
            leftOut = List.copyOf(leftOut);
        }
    }

    /** Drift and each reached host's last journal record. */
    public record Drifted(DriftReport drift, Map<String, Optional<JournalEntry>> applied) {}

    public static Optional<Planned> plan(Session session, Request request) {
        return Fleet.load(session, request.desired(), request.ref()).flatMap(state -> plan(session, state, request));
    }

    /** As {@link #plan(Session, Request)} from a desired state already loaded (apply loads it before it knows how). */
    public static Optional<Planned> plan(Session session, DesiredState loaded, Request request) {
        Optional<PlanOptions> options = Fleet.targets(session, loaded, request.targets());
        if (options.isEmpty()) return Optional.empty();
        DesiredState state = Fleet.shard(session, request.shard(), loaded);
        List<Observation> observed = Fleet.observe(session, Fleet.selected(state, options.get()));
        Fleet.Reachable reachable = Fleet.reachable(session, Planner.plan(state, observed, options.get()),
                request.skipUnreachable());
        return Optional.of(new Planned(state, options.get(), reachable.plan(), reachable.leftOut()));
    }

    /**
     * Review: the plans of base and head against one observation of head's hosts (each observed once), unreachable
     * hosts included (they fail head's plan). Base is planned only for the hosts head has too: a host the pull
     * request drops is no longer xenpt's, so its drift is not the review's business.
     */
    public static BaseAndHead planBoth(Session session, DesiredState base, DesiredState head) {
        List<Observation> observed = Fleet.observe(session, head.hosts());
        Set<String> names = head.hosts().stream().map(HostSpec::name).collect(Collectors.toSet());
        DesiredState kept = new DesiredState(base.hosts().stream().filter(h -> names.contains(h.name())).toList(),
                base.digest(), base.commit());
        return new BaseAndHead(Planner.plan(kept, observed, PlanOptions.ALL), Planner.plan(head, observed, PlanOptions.ALL));
    }

    public static Optional<Drifted> drift(Session session, Path desired, Optional<String> ref, Optional<Shard> shard) {
        return Fleet.load(session, desired, ref).map(loaded -> {
            DesiredState state = Fleet.shard(session, shard, loaded);
            List<Observation> observed = Fleet.observe(session, state.hosts());
            return new Drifted(Drift.classify(state, observed), Fleet.lastApplied(observed));
        });
    }
}
