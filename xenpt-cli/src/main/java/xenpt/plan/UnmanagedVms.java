package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xenpt.diag.Diagnostic;
import xenpt.observed.VmRecord;

/**
 * VMs the file does not list that hold devices of this host. They are reported; with {@code prune: true} a VM pinned
 * to or running on this host loses its key. A VM that is neither (halted, no affinity) could start on any host of the
 * pool, so it is reported but never pruned.
 */
final class UnmanagedVms {

    private UnmanagedVms() {}

    static boolean belongsHere(HostContext ctx, VmRecord vm) {
        return Placement.usesDevicesOf(ctx.hostUuid(), vm);
    }

    /** Whether an unmanaged VM keeps its devices (no prune, or prune does not reach it). */
    static boolean keeps(HostContext ctx, VmRecord vm) {
        return belongsHere(ctx, vm) && !(ctx.spec.policy().prune() && ctx.placedHere(vm));
    }

    static Findings plan(HostContext ctx, java.util.Set<String> managedUuids) {
        List<Change> changes = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (VmRecord vm : ctx.host.vms()) {
            if (managedUuids.contains(vm.uuid()) || !AssignmentPlanner.holdsDevices(vm) || !belongsHere(ctx, vm)) continue;
            boolean prune = ctx.spec.policy().prune() && ctx.placedHere(vm);
            String held = "VM '" + vm.nameLabel() + "' (" + vm.uuid() + ") holds '" + vm.pciRaw().orElse("")
                    + "' and is not in the desired state";
            statuses.add(new Status(Status.Kind.UNMANAGED_ASSIGNMENT, held + (prune ? "; prune removes it" : "")));
            if (prune) {
                changes.addAll(AssignmentPlanner.assign(ctx, vm, Optional.empty(), "prune: not in the desired state"));
            } else if (!vm.affinity().equals(ctx.hostUuid())) {
                String affinity = vm.affinity().isEmpty() ? "no affinity" : "affinity " + vm.affinity();
                diagnostics.add(Diagnostic.warning(ctx.spec.location(), "VM '" + vm.nameLabel() + "' has passthrough"
                        + " devices but is not pinned to " + ctx.name() + " (" + affinity + ")",
                        "list it in the desired state so that xenpt pins it, or set its affinity"));
            }
        }
        return new Findings(changes, statuses, diagnostics);
    }
}
