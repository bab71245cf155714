package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import xenpt.format.journal.RebootTrace;
import xenpt.format.journal.RebootTrace.Stage;
import xenpt.format.journal.RebootTrace.TracedVm;
import xenpt.observed.PowerState;
import xenpt.transport.TransportException;

/**
 * What happens once the host is back (or when the next apply finds a reboot left unfinished): enable the host if
 * xenpt disabled it, then start the VMs xenpt shut down on this host ({@code vm-start on=}), or with
 * {@code vmRestart: manual} leave them halted for the operator; the trace ends with {@code finished}.
 */
final class RebootFinish {

    /** @param started VMs started again; @param leftHalted VMs left halted under vmRestart: manual */
    record Done(Set<String> started, List<TracedVm> leftHalted, String note) {}

    private RebootFinish() {}

    static Done finish(RebootTraceLog trace, HostXe host, VmOps vms, String hostUuid)
            throws ApplyException, TransportException {
        RebootTrace t = trace.trace();
        if (t.hostDisabled()) {
            if (!host.enabled()) host.enable(); // xapi enables a disabled host at boot by itself (auto-enable)
            trace.hostDisabled(false);
            trace.stage(Stage.HOST_ENABLED);
        }
        Set<String> started = new TreeSet<>();
        List<TracedVm> halted = new ArrayList<>();
        for (TracedVm vm : t.shutDown()) {
            if (vms.power(vm.uuid()) != PowerState.HALTED) continue;
            if (t.restart()) {
                vms.startOn(vm.uuid(), vm.name(), hostUuid);
                started.add(vm.uuid());
            } else {
                halted.add(vm);
            }
        }
        trace.stage(Stage.FINISHED);
        return new Done(started, halted, note(t, started, halted));
    }

    private static String note(RebootTrace t, Set<String> started, List<TracedVm> halted) {
        List<String> parts = new ArrayList<>();
        if (!t.migrated().isEmpty()) parts.add("migrated to other members: " + names(t.migrated()));
        List<TracedVm> up = t.shutDown().stream().filter(v -> started.contains(v.uuid())).toList();
        if (!up.isEmpty()) parts.add("started again on this host: " + names(up));
        if (!halted.isEmpty()) parts.add("left halted (vmRestart: manual), start by hand: " + names(halted));
        return String.join("; ", parts);
    }

    private static String names(List<TracedVm> vms) {
        return String.join(", ", vms.stream().map(v -> "'" + v.name() + "'").toList());
    }
}
