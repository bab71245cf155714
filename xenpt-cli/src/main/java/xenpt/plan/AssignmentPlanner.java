package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import xenpt.desired.HideEntry;
import xenpt.desired.PciAddress;
import xenpt.desired.Policy;
import xenpt.desired.VmSpec;
import xenpt.diag.Diagnostic;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.observed.PowerState;
import xenpt.observed.VmRecord;

/**
 * VM assignments of one host: managed VMs get exactly their desired {@code other-config:pci} and are pinned to the
 * host; unmanaged VMs are reported, and with {@code prune: true} lose their key. A device may belong to one VM only,
 * and must be hidden: xenopsd otherwise tears it from its dom0 driver at VM start.
 */
final class AssignmentPlanner {

    private AssignmentPlanner() {}

    /**
     * Runs after the hide list check, whose result it takes: a device that check already reported missing or
     * mismatching is not reported again here.
     */
    static Findings plan(HostContext ctx, Map<VmSpec, VmRecord> managed, HidePlanner.Result hide) {
        DeviceChecks checks = new DeviceChecks(ctx, hide.reported());
        List<Change> changes = new ArrayList<>();
        Map<PciAddress, List<String>> holders = new TreeMap<>();
        for (Map.Entry<VmSpec, VmRecord> e : managed.entrySet()) {
            VmSpec spec = e.getKey();
            spec.pci().forEach(d -> holders.computeIfAbsent(d, k -> new ArrayList<>()).add("'" + spec.name() + "'"));
            checkDevices(checks, spec);
            changes.addAll(planManaged(checks, spec, e.getValue()));
        }
        Set<String> managedUuids = new TreeSet<>();
        managed.values().forEach(v -> managedUuids.add(v.uuid()));
        for (VmRecord vm : ctx.host.vms()) {
            if (managedUuids.contains(vm.uuid()) || !holdsDevices(vm)) continue;
            if (UnmanagedVms.keeps(ctx, vm)) {
                vm.pci().forEach(d -> holders.computeIfAbsent(d, k -> new ArrayList<>()).add("unmanaged '" + vm.nameLabel() + "'"));
            }
        }
        checkOneVmEach(checks, holders);
        return new Findings(changes, List.of(), checks.diagnostics());
    }

    /** One device, one VM: an error per device that two or more of {@code holders} (VM labels) hold. */
    static void checkOneVmEach(DeviceChecks checks, Map<PciAddress, List<String>> holders) {
        HostContext ctx = checks.ctx;
        holders.forEach((device, vms) -> {
            if (vms.size() > 1) {
                checks.add(Diagnostic.error(ctx.spec.location(), device + " is assigned to " + vms.size()
                        + " VMs on " + ctx.name() + ": " + String.join(", ", vms), "give each device to one VM"));
            }
        });
    }

    static boolean holdsDevices(VmRecord vm) {
        return vm.pciRaw().isPresent() && !vm.pciRaw().get().isBlank();
    }

    private static void checkDevices(DeviceChecks checks, VmSpec spec) {
        HostContext ctx = checks.ctx;
        Optional<Set<PciAddress>> desiredHide = ctx.spec.hide().map(l -> {
            Set<PciAddress> s = new TreeSet<>();
            l.stream().map(HideEntry::address).forEach(s::add);
            return s;
        });
        Set<PciAddress> hidden = desiredHide.orElse(ctx.host.boot().hide().devices());
        checkAssignable(checks, spec.name(), spec.pci(), hidden, desiredHide.isPresent(), spec.location());
        Set<PciAddress> missing = new TreeSet<>();
        spec.pci().forEach(d -> missing.addAll(ctx.siblings(d)));
        missing.removeAll(spec.pci());
        if (!missing.isEmpty()) {
            checks.add(Diagnostic.warning(spec.location(), "VM '" + spec.name() + "' gets only some functions of a"
                    + " multi-function device on " + ctx.name() + "; " + PciValues.list(missing) + " not assigned",
                    "assign every function of the device"));
        }
    }

    /**
     * Each device given to a VM must be on the host and hidden from dom0; shared with the apply-time check ({@link
     * Guards}).
     *
     * @param hidden  the devices hidden once the plan is applied
     * @param desired whether {@code hidden} is the desired hide list (else the host's own boot hide list)
     */
    static void checkAssignable(DeviceChecks checks, String vm, List<PciAddress> devices, Set<PciAddress> hidden,
            boolean desired, xenpt.diag.Location at) {
        HostContext ctx = checks.ctx;
        for (PciAddress d : devices) {
            if (!checks.present(d, Optional.empty(), at)) continue;
            if (!hidden.contains(d)) {
                checks.add(Diagnostic.error(at, d + " is assigned to VM '" + vm + "' but is not in "
                        + hideListOf(ctx, desired) + "; xenopsd would tear it from its dom0 driver at VM start",
                        desired ? "hide the device too"
                                : "give host '" + ctx.name() + "' a hide list in the desired state that includes it"));
            }
        }
    }

    /** Which hide list a device was looked for in; the host's own when the file has none for it. */
    private static String hideListOf(HostContext ctx, boolean desired) {
        if (desired) return "the desired hide list of " + ctx.name();
        var boot = ctx.host.boot().hide();
        if (!boot.present()) return "the boot hide list of " + ctx.name() + ", which hides nothing";
        return "the boot hide list of " + ctx.name() + " ('" + boot.raw() + "')";
    }

    private static List<Change> planManaged(DeviceChecks checks, VmSpec spec, VmRecord vm) {
        HostContext ctx = checks.ctx;
        List<Change> changes = new ArrayList<>();
        Optional<String> after = spec.pci().isEmpty() ? Optional.empty() : Optional.of(OtherConfigPci.format(spec.pci()));
        if (!vm.pciRaw().equals(after)) {
            String reason = after.isEmpty() ? "release its devices" : "give it " + PciValues.list(spec.pci());
            List<Change> assign = assign(ctx, vm, after, reason);
            if (assign.size() > 1 && !startable(ctx, spec)) {
                assign = assign.subList(0, 1);
                checks.add(Diagnostic.warning(spec.location(), "VM '" + spec.name() + "' is not restarted: dom0 still"
                        + " drives some of " + PciValues.list(spec.pci()) + " until " + ctx.name() + " reboots (reboot:"
                        + " manual), and a VM started now would take them from their dom0 driver",
                        "reboot " + ctx.name() + ", then start the VM (apply lists both as next steps)"));
            }
            changes.addAll(assign);
        }
        if (!spec.pci().isEmpty() && !vm.affinity().equals(ctx.hostUuid())) {
            Optional<String> before = vm.affinity().isEmpty() ? Optional.empty() : Optional.of(vm.affinity());
            changes.add(new Change.Pin(ctx.name(), vm.uuid(), vm.nameLabel(), before, ctx.hostUuid(),
                    "its devices are on " + ctx.name()));
        }
        return changes;
    }

    /**
     * Whether xenpt may start the VM with its new devices now: each is bound to pciback on the running host, or
     * xenpt reboots the host first ({@code reboot: auto} plans the reboot before the restart). A device that dom0
     * still drives would be torn from its driver at VM start (SPEC: "a device assigned but not hidden").
     */
    private static boolean startable(HostContext ctx, VmSpec spec) {
        return ctx.spec.policy().reboot() == Policy.Mode.AUTO || boundNow(ctx, spec.pci());
    }

    /** Whether each of {@code devices} is bound to pciback on the running host (so dom0 no longer drives it). */
    static boolean boundNow(HostContext ctx, java.util.Collection<PciAddress> devices) {
        return ctx.host.runtime().pcibackBound().containsAll(devices);
    }

    /** An assignment change, and a restart when the VM runs and the policy lets xenpt restart it. */
    static List<Change> assign(HostContext ctx, VmRecord vm, Optional<String> after, String reason) {
        Change.Assign a = new Change.Assign(ctx.name(), vm.uuid(), vm.nameLabel(), vm.powerState(), vm.pciRaw(), after, reason);
        if (vm.powerState() != PowerState.HALTED && ctx.spec.policy().vmRestart() == Policy.Mode.AUTO) {
            return List.of(a, new Change.RestartVm(ctx.name(), vm.uuid(), vm.nameLabel(), "its devices change"));
        }
        return List.of(a);
    }
}
