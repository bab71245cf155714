package xenpt.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import xenpt.desired.HostSpec;
import xenpt.format.journal.JournalRecord;
import xenpt.format.lock.LockOwner;
import xenpt.observed.ObservationException;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.plan.Change;
import xenpt.plan.Guards;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Staleness;
import xenpt.transport.Command;
import xenpt.transport.TransportException;

/**
 * The apply of one host (SPEC §5): lock; observe again and refuse a stale plan; the changes in plan order (hide,
 * assign, pin, reboot, restart-vm); journal; unlock. The first failure stops the host: its later changes are reported
 * as skipped, the journal records the failure, and the lock is released whatever happened (on a new connection when
 * the old one dropped). An interruption (Ctrl-C, SIGTERM) stops the host at its step like a failure, and the journal
 * says "interrupted at STEP". The change's reason never drives what is done here.
 */
final class HostApply {

    /** How long an interrupted apply may take to journal and unlock; under the CLI's stop grace (20 s). */
    static final Duration STOP_BUDGET = Duration.ofSeconds(15);

    private final Plan plan;
    private final HostPlan hostPlan;
    private final HostSpec spec;
    private final ApplyOptions options;
    private final RebootSlot reboots;
    private final Consumer<String> progress;
    private final List<Change> made = new ArrayList<>();
    private final String journalId = UUID.randomUUID().toString();
    private final StepLog log;
    private ChangeSteps steps;

    HostApply(Plan plan, HostPlan hostPlan, HostSpec spec, ApplyOptions options, RebootSlot reboots,
            Consumer<String> progress) {
        this.plan = plan;
        this.hostPlan = hostPlan;
        this.spec = spec;
        this.options = options;
        this.reboots = reboots;
        this.progress = progress;
        this.log = new StepLog(spec.name(), progress);
    }

    HostResult run(HostConnector connector) {
        HostLock lock = new HostLock(spec.name(), owner(), options.lockTimeout(), options.pollInterval(), unlockHint(),
                progress);
        try (Link link = new Link(connector)) {
            try {
                // After a dropped connection the lock is taken again, or taken back when the rename was done.
                if (log.step(StepKind.Phase.LOCK, () -> link.retrying(s -> {
                    lock.acquire(s);
                    return "";
                }))) {
                    applyChanges(link, lock);
                } else {
                    skipFrom(0);
                }
            } finally {
                finish(link, lock); // also after a failed lock step: the rename may have been done before it failed
            }
        }
        if (log.interruptedAt().isPresent() && log.firstError().isEmpty()) {
            // Stopped during the bookkeeping, after every change: the report says so, as the journal does.
            log.fail(StepKind.Phase.STOP, new Failure.Interrupted(spec.name() + ": interrupted at "
                    + log.interruptedAt().get() + " (every change was made; journal and lock were finished on a new connection)"));
        }
        return new HostResult(spec.name(), hostPlan.address(), log.steps(),
                steps == null ? List.of() : steps.leftHalted());
    }

    private void applyChanges(Link link, HostLock lock) {
        Optional<ObservedHost> observed = log.run(StepKind.Phase.CHECK_PLAN, () -> checkCurrent(observe(link)), o -> "");
        if (observed.isEmpty()) {
            skipFrom(0);
            return;
        }
        ChangeSteps perform = new ChangeSteps(spec, options, reboots, progress, link, lock, observed.get(),
                plan.planId());
        steps = perform;
        List<Change> changes = hostPlan.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (!log.step(new StepKind.Perform(c), () -> perform.run(c, () -> observe(link)))) {
                skipFrom(i + 1);
                return;
            }
            made.add(c);
        }
    }

    private ObservedHost observe(Link link) throws TransportException, ObservationException {
        return Observer.observe(link.session(), spec.name(), spec.address(), spec.method());
    }

    /** The host must still be as the plan saw it, and the plan must keep every safety rule on it; returns {@code now}. */
    private ObservedHost checkCurrent(ObservedHost now) throws ApplyException {
        List<String> changed = Staleness.since(hostPlan, now);
        if (!changed.isEmpty()) {
            throw new ApplyException(spec.name() + ": the plan is stale (make a new plan): " + String.join("; ", changed));
        }
        List<String> unsafe = Guards.check(hostPlan, spec, now); // a saved plan may have been edited
        if (!unsafe.isEmpty()) {
            throw new ApplyException(spec.name() + ": the plan breaks a safety rule on the live host: " + String.join("; ", unsafe));
        }
        return now;
    }

    /**
     * Journal and unlock, also after a failure or an interruption. An interrupted thread cannot talk SSH (sshj gives
     * up at once), so the interruption is set aside while this runs on a new connection — waiting, within the stop
     * budget, for a host that is rebooting — and is restored afterwards.
     */
    private void finish(Link link, HostLock lock) {
        if (Thread.interrupted()) log.interrupted();
        try {
            journalAndUnlock(link, lock);
        } finally {
            if (log.interruptedAt().isPresent() || link.interrupted()) Thread.currentThread().interrupt();
        }
    }

    private void journalAndUnlock(Link link, HostLock lock) {
        if (!lock.tried()) return; // nothing was done on the host
        // The journal is written under the lock only; an apply interrupted while taking it takes it now if it is free.
        if (lock.held() || log.interruptedAt().isPresent()) {
            log.step(StepKind.Phase.JOURNAL, () -> finishing(link, s -> {
                if (!lock.held() && !lock.takeNow(s)) return "not written: the host lock is another apply's";
                Journal.append(s, journalEntry());
                return "";
            }));
        }
        if (!log.step(StepKind.Phase.UNLOCK, () -> finishing(link, s -> {
            lock.release(s);
            return "";
        }))) {
            log.amendLastFailure("; the host lock " + HostLock.DIR + " is left behind: once no apply runs on the host,"
                    + " remove it with: " + unlockHint() + " --lock-id " + lock.owner().lockId());
        }
    }

    /** Bookkeeping on a path that an interruption does not break; after one, within {@link #STOP_BUDGET}. */
    private String finishing(Link link, Link.Work<String> work)
            throws ApplyException, TransportException, ObservationException, InterruptedException {
        return link.finishing(log.interruptedAt().isPresent() ? STOP_BUDGET : Duration.ZERO, STOP_BUDGET,
                options.pollInterval(), log::interrupted, work);
    }

    private JournalRecord journalEntry() {
        Optional<String> error = log.firstError();
        Optional<String> interruptedAt = log.interruptedAt();
        String result = interruptedAt.isPresent() ? "interrupted" : error.isPresent() ? "failed" : "applied";
        Optional<String> why = interruptedAt.map(at -> spec.name() + ": interrupted at " + at).or(() -> error);
        return new JournalRecord(journalId, now(), plan.planId(), plan.commit(), plan.desiredDigest(), result,
                Journal.made(made), why, Optional.empty());
    }

    /** {@code xenpt force-unlock HOST -f FILE}, quoted for a shell, as the hint to remove a lock left behind. */
    private String unlockHint() {
        return Command.of("xenpt", "force-unlock", spec.name(), "-f", spec.location().file()).toShell();
    }

    private LockOwner owner() {
        return LockOwner.fresh(options.owner(), options.pid(), now(), plan.planId());
    }

    private String now() {
        return Instant.now(options.clock()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The changes from {@code index} on were not attempted. */
    private void skipFrom(int index) {
        log.skip(hostPlan.changes().subList(index, hostPlan.changes().size()));
    }
}
