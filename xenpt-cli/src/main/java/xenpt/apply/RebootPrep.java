package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import xenpt.format.journal.RebootTrace.Stage;
import xenpt.format.journal.RebootTrace.TracedVm;
import xenpt.observed.ObservedHost;
import xenpt.observed.VmRecord;
import xenpt.plan.RebootVms;
import xenpt.transport.TransportException;

/**
 * What happens before a host goes down ({@link RebootVms} says to which VM): refuse a host of an HA pool; in a pool
 * disable the host (nothing new starts there), shut down the pinned VMs cleanly, evacuate the others; on a standalone
 * host shut down every running VM. Each stage is in the journal trace before the next one begins.
 */
final class RebootPrep {

    private RebootPrep() {}

    /** @return notes for the report (a VM forced off) */
    static List<String> prepare(ObservedHost before, RebootTraceLog trace, VmOps vms, HostXe host, boolean force,
            Consumer<String> progress) throws ApplyException, TransportException {
        var refusal = RebootVms.haRefusal(before);
        if (refusal.isPresent()) throw new ApplyException(refusal.get());
        RebootVms plan = RebootVms.of(before);
        trace.stage(Stage.STARTED);
        if (plan.pooled() && host.enabled()) {
            host.disable();
            trace.hostDisabled(true);
            trace.stage(Stage.HOST_DISABLED);
        }
        List<String> notes = new ArrayList<>();
        for (VmRecord vm : plan.shutDown()) {
            progress.accept(before.name() + ": shutting down VM '" + vm.nameLabel() + "'");
            // In the trace before the shutdown: a VM halted by an interrupted shutdown is still started again.
            trace.shutDown(new TracedVm(vm.uuid(), vm.nameLabel()));
            trace.stage(Stage.VMS_SHUT_DOWN);
            String note = vms.shutdownCleanly(vm.uuid(), vm.nameLabel(), force);
            if (!note.isEmpty()) notes.add(note);
        }
        if (!plan.migrated().isEmpty()) {
            progress.accept(before.name() + ": migrating " + plan.migrated().size() + " VMs to other pool members");
            host.evacuate();
            trace.migrated(plan.migrated().stream().map(v -> new TracedVm(v.uuid(), v.nameLabel())).toList());
            trace.stage(Stage.EVACUATED);
        }
        return notes;
    }
}
