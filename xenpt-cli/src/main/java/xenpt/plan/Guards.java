package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;
import xenpt.diag.Diagnostic;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.observed.ObservedHost;
import xenpt.observed.VmRecord;

/**
 * The safety rules, checked on a plan's own changes against the host as it is at apply time: what a change hides is
 * on the host, has its pinned id, and is neither the management NIC nor the root disk's controller; what a change
 * assigns is on the host and hidden once the plan is applied; no device ends up with two VMs; a VM is pinned to this
 * host only; a VM is started (restart-vm) before a reboot only with devices pciback already holds. The planner checks the same rules with the same code ({@link HidePlanner}, {@link AssignmentPlanner});
 * apply checks again because a saved plan is a file that can be edited (its digest is not a signature) and because a
 * {@code --target} plan carries only part of the desired state's changes.
 */
public final class Guards {

    private Guards() {}

    /** One message per broken rule; empty when the plan is safe to apply to {@code now}. */
    public static List<String> check(HostPlan plan, HostSpec spec, ObservedHost now) {
        HostContext ctx = new HostContext(spec, now);
        DeviceChecks checks = new DeviceChecks(ctx, Set.of()); // one pass: hide and assign report a device once
        Map<PciAddress, Optional<PciId>> pins = new TreeMap<>();
        spec.hide().ifPresent(l -> l.forEach(e -> pins.put(e.address(), e.id())));
        Set<PciAddress> hidden = now.boot().hide().devices();
        Map<String, List<PciAddress>> assigned = new TreeMap<>();
        boolean rebooted = false;
        for (Change c : plan.changes()) {
            switch (c) {
                case Change.Hide h -> {
                    hidden = h.afterDevices();
                    for (PciAddress d : h.afterDevices()) {
                        if (checks.present(d, pins.getOrDefault(d, Optional.empty()), spec.location())) {
                            HidePlanner.checkDom0Needs(checks, d, spec.location());
                        }
                    }
                }
                case Change.Assign a -> assigned.put(a.vmUuid(), a.after().map(OtherConfigPci::parse).orElse(List.of()));
                case Change.Pin p -> {
                    if (!p.hostUuid().equals(ctx.hostUuid())) {
                        checks.add(Diagnostic.error(spec.location(), "VM '" + p.vmName() + "' would be pinned to "
                                + p.hostUuid() + ", which is not " + ctx.name() + " (" + ctx.hostUuid() + ")"));
                    }
                }
                case Change.Reboot r -> rebooted = true;
                case Change.RestartVm r -> {
                    if (!rebooted) checkStartable(checks, r, assigned.get(r.vmUuid()));
                }
            }
        }
        checkAssignments(checks, assigned, hidden);
        return checks.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
    }

    /** A VM started before any reboot must get only devices that pciback holds now (dom0 drives the others). */
    private static void checkStartable(DeviceChecks checks, Change.RestartVm r, List<PciAddress> devices) {
        HostContext ctx = checks.ctx;
        List<PciAddress> pci = devices != null ? devices
                : ctx.host.vms().stream().filter(v -> v.uuid().equals(r.vmUuid())).findFirst().map(VmRecord::pci).orElse(List.of());
        if (!AssignmentPlanner.boundNow(ctx, pci)) {
            checks.add(Diagnostic.error(ctx.spec.location(), "VM '" + r.vmName() + "' would be started while dom0 still"
                    + " drives some of " + PciValues.list(pci) + " on " + ctx.name() + "; reboot the host first"));
        }
    }

    /**
     * The VMs' devices once the plan is applied: managed and newly assigned VMs hold hidden devices of this host, and
     * no device is held by two VMs that may run here (managed, assigned, or unmanaged and placed here).
     */
    private static void checkAssignments(DeviceChecks checks, Map<String, List<PciAddress>> assigned,
            Set<PciAddress> hidden) {
        HostContext ctx = checks.ctx;
        Set<String> managedUuids = VmResolver.resolve(ctx.spec, ctx.host).uuids();
        boolean desired = ctx.spec.hide().isPresent();
        Map<PciAddress, List<String>> holders = new TreeMap<>();
        for (VmRecord vm : ctx.host.vms()) {
            List<PciAddress> devices = assigned.getOrDefault(vm.uuid(), vm.pci());
            boolean ours = managedUuids.contains(vm.uuid()) || assigned.containsKey(vm.uuid());
            if (ours) AssignmentPlanner.checkAssignable(checks, vm.nameLabel(), devices, hidden, desired, ctx.spec.location());
            if (ours || UnmanagedVms.belongsHere(ctx, vm)) {
                devices.forEach(d -> holders.computeIfAbsent(d, k -> new ArrayList<>()).add(HostContext.vmLabel(vm)));
            }
        }
        AssignmentPlanner.checkOneVmEach(checks, holders);
    }
}
