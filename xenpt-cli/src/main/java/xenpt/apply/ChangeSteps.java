package xenpt.apply;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy;
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

    /** @param observed the host as the check-plan step observed it, just before the changes */
    ChangeSteps(HostSpec spec, ApplyOptions options, RebootSlot reboots, Consumer<String> progress, Link link,
            HostLock lock, ObservedHost observed) {
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
                        .reboot(observe, lock, vms, spec.policy().vmRestart() == Policy.Mode.AUTO);
                startedAfterReboot.addAll(done.started());
                yield done.note();
            }
            case Change.RestartVm r -> {
                if (startedAfterReboot.contains(r.vmUuid())) yield "started after the reboot";
                vms.restart(r.vmUuid(), r.vmName());
                yield "";
            }
        };
    }
}
