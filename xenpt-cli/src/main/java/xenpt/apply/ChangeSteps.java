package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy;
import xenpt.format.journal.RebootTrace;
import xenpt.format.journal.RebootTrace.TracedVm;
import xenpt.observed.ObservationException;
import xenpt.observed.ObservedHost;
import xenpt.plan.Change;
import xenpt.transport.TransportException;

/**
 * The changes of one host's apply, one call each, in plan order: what each kind of change does on the host. A
 * restart-vm of a VM that the reboot before it already started again is not done twice.
 */
final class ChangeSteps {

    private final HostSpec spec;
    private final ApplyOptions options;
    private final RebootSlot reboots;
    private final Consumer<String> progress;
    private final Link link;
    private final HostLock lock;
    private final ObservedHost observed;
    private final VmOps vms;
    private final Set<String> startedAfterReboot = new TreeSet<>();
    private final List<TracedVm> leftHalted = new ArrayList<>();
    private final String planId;
    private boolean resumed;

    /** @param observed the host as the check-plan step observed it, just before the changes */
    ChangeSteps(HostSpec spec, ApplyOptions options, RebootSlot reboots, Consumer<String> progress, Link link,
            HostLock lock, ObservedHost observed, String planId) {
        this.planId = planId;
        this.spec = spec;
        this.options = options;
        this.reboots = reboots;
        this.progress = progress;
        this.link = link;
        this.lock = lock;
        this.observed = observed;
        this.vms = new VmOps(link);
    }

    /** Carries out {@code c}; a note for the report, or {@code ""}. */
    String run(Change c, Rebooter.Observe observe) throws ApplyException, TransportException, ObservationException, InterruptedException {
        return switch (c) {
            case Change.Hide h -> {
                HideBackend.of(observed.backend()).apply(link.session(), observed, h.afterDevices());
                yield "";
            }
            case Change.Assign a -> vms.setPci(a.vmUuid(), a.vmName(), a.after());
            case Change.Pin p -> {
                vms.pin(p.vmUuid(), p.vmName(), p.hostUuid());
                yield "";
            }
            case Change.Reboot r -> {
                Rebooter.Rebooted done = new Rebooter(spec.name(), link, options, reboots, progress)
                        .reboot(observe, lock, vms, spec.policy().vmRestart() == Policy.Mode.AUTO, planId);
                startedAfterReboot.addAll(done.started());
                leftHalted.addAll(done.leftHalted());
                resumed = true; // the reboot carried on any unfinished one
                yield done.note();
            }
            case Change.RestartVm r -> {
                if (observed.reboot().unfinished().isPresent()) resumeReboot(observed.reboot().unfinished().get());
                if (startedAfterReboot.contains(r.vmUuid())) yield "started after the reboot";
                vms.restart(r.vmUuid(), r.vmName(), observed.info().hostUuid());
                yield "";
            }
        };
    }

    /** VMs a reboot shut down and left halted ({@code vmRestart: manual}), for the next steps. */
    List<TracedVm> leftHalted() {
        return List.copyOf(leftHalted);
    }

    /**
     * A reboot an earlier apply left unfinished, and no reboot in this plan to carry it on (the host came back):
     * enable the host if xenpt disabled it and start the VMs it shut down, once, before the first restart.
     */
    private void resumeReboot(RebootTrace unfinished) throws ApplyException, TransportException {
        if (resumed) return;
        resumed = true;
        progress.accept(spec.name() + ": finishing the reboot an earlier apply left unfinished");
        RebootFinish.Done done = RebootFinish.finish(new RebootTraceLog(link, options.clock(), unfinished),
                new HostXe(link, observed.info().hostUuid()), vms, observed.info().hostUuid());
        startedAfterReboot.addAll(done.started());
        leftHalted.addAll(done.leftHalted());
    }
}
