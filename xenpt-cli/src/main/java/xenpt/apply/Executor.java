package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;

/**
 * Applies a plan: every host with changes at once (at most {@code parallelism} together), one host rebooting at a
 * time (none after a host that did not come back). A host that fails stops there and is reported; the others go on. Hosts without changes are not contacted.
 */
public final class Executor {

    /** Gives the connector of a host; called once per host with changes. */
    @FunctionalInterface
    public interface Connectors {
        HostConnector open(HostSpec host);
    }

    private final ApplyOptions options;
    private final Connectors connectors;
    private final Consumer<String> progress;

    /** @param progress receives per-host lines; called from several threads, one line at a time */
    public Executor(ApplyOptions options, Connectors connectors, Consumer<String> progress) {
        this.options = options;
        this.connectors = connectors;
        this.progress = line -> {
            synchronized (progress) {
                progress.accept(line);
            }
        };
    }

    /**
     * @param desired where each host is reached and its policy; the plan's hosts are looked up by name
     * @throws IllegalArgumentException for a failed plan, which is never applied
     */
    public ApplyReport apply(Plan plan, DesiredState desired) {
        if (plan.failed()) throw new IllegalArgumentException("a failed plan is never applied");
        Semaphore slots = new Semaphore(options.parallelism());
        RebootSlot reboots = new RebootSlot();
        List<HostResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HostResult>> pending = new ArrayList<>();
            for (HostPlan h : plan.hosts()) {
                pending.add(pool.submit(() -> one(plan, h, desired.host(h.name()), slots, reboots)));
            }
            boolean interrupted = false;
            for (int i = 0; i < pending.size(); i++) {
                while (results.size() == i) {
                    try {
                        results.add(result(plan.hosts().get(i), pending.get(i)));
                    } catch (InterruptedException e) {
                        // Stopped (Ctrl-C, SIGTERM): every host stops at its step, journals, unlocks; their reports count.
                        interrupted = true;
                        pool.shutdownNow();
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        return new ApplyReport(plan.planId(), results);
    }

    private HostResult one(Plan plan, HostPlan h, Optional<HostSpec> spec, Semaphore slots, RebootSlot reboots) {
        if (h.changes().isEmpty()) return new HostResult(h.name(), h.address(), List.of());
        if (spec.isEmpty()) {
            return failed(h, h.name() + ": the desired state has no host '" + h.name()
                    + "' (apply takes its address, SSH settings and policy from there)");
        }
        slots.acquireUninterruptibly();
        if (Thread.currentThread().isInterrupted()) {
            slots.release();
            return failed(h, h.name() + ": interrupted before its apply began; nothing was done on it");
        }
        try (HostConnector connector = connectors.open(spec.get())) {
            progress.accept(h.name() + ": applying " + h.changes().size() + (h.changes().size() == 1 ? " change" : " changes"));
            return new HostApply(plan, h, spec.get(), options, reboots, progress).run(connector);
        } finally {
            slots.release();
        }
    }

    private static HostResult result(HostPlan h, Future<HostResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return failed(h, h.name() + ": internal error: " + e.getCause());
        }
    }

    private static HostResult failed(HostPlan h, String message) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(StepKind.Phase.START, Step.State.FAILED, message));
        h.changes().forEach(c -> steps.add(Step.skipped(c)));
        return new HostResult(h.name(), h.address(), steps);
    }
}
