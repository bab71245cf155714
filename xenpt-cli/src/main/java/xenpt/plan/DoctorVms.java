package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.observed.DoctorReads.Evidence;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;
import xenpt.plan.DoctorReport.Finding;
import xenpt.plan.DoctorReport.Kind;

/** The doctor's findings about the VMs with passthrough and their devices. Pure. */
final class DoctorVms {

    private DoctorVms() {}

    /**
     * @param vms     the VMs looked at: those whose {@code other-config:pci} names a device of this host
     * @param hostVms every such VM of this host: a device split with a VM not looked at is still a split
     */
    static List<Finding> examine(ObservedHost host, Evidence e, List<VmRecord> vms, List<VmRecord> hostVms) {
        List<Finding> out = new ArrayList<>();
        for (VmRecord vm : vms) {
            pinning(host, vm).ifPresent(out::add);
            for (PciAddress d : vm.pci()) {
                host.device(d).ifPresent(dev -> dom0Driver(host, vm, dev).ifPresent(out::add));
                if (noFlr(e.lspciVv(), d)) {
                    out.add(new Finding(Kind.NO_FLR, d.toString(), "device of VM '" + vm.nameLabel() + "' has no function"
                            + " level reset: a VM reboot may leave it in a state the guest cannot use until the host reboots",
                            "lspci -vv (" + d + "): DevCap ... FLReset-", "give the VM a device with FLR (DevCap FLReset+), or"
                            + " keep it from rebooting often (halt and start it with the host)", Optional.empty(), false));
                }
            }
        }
        out.addAll(split(hostVms, vms));
        return out;
    }

    private static Optional<Finding> pinning(ObservedHost host, VmRecord vm) {
        String here = host.info().hostUuid();
        if (vm.affinity().equals(here)) return Optional.empty();
        String problem = vm.affinity().isEmpty() ? "VM with passthrough is not pinned: xapi may start it on another pool"
                + " member, which lacks these devices" : "VM with passthrough is pinned to host " + vm.affinity()
                + ", not to " + host.name() + " which has its devices";
        return Optional.of(new Finding(Kind.NOT_PINNED, "vm '" + vm.nameLabel() + "'", problem,
                "xe vm-list uuid=" + vm.uuid() + ": affinity " + (vm.affinity().isEmpty() ? "<not in database>" : vm.affinity()),
                "pin it to " + host.name(), Optional.of(List.of("xe", "vm-param-set", "uuid=" + vm.uuid(), "affinity=" + here)),
                false));
    }

    /** A device given to a VM but driven by dom0 now: xenopsd tears it away from dom0 at VM start. */
    private static Optional<Finding> dom0Driver(ObservedHost host, VmRecord vm, PciDevice dev) {
        String driver = dev.driver().orElse("");
        if (driver.isEmpty() || driver.equals("pciback")) return Optional.empty();
        Set<PciAddress> hide = new TreeSet<>(host.boot().hide().valid() ? host.boot().hide().devices() : Set.of());
        hide.add(dev.address());
        return Optional.of(new Finding(Kind.DOM0_DRIVER, dev.address().toString(), "device of VM '" + vm.nameLabel()
                + "' is still bound to dom0's driver " + driver + " (not hidden, or the host has not rebooted since)",
                "lspci -k: Kernel driver in use: " + driver, "hide it from dom0 (with the other hidden devices), then reboot",
                DoctorHost.setDom0(host, hide), true));
    }

    private static boolean noFlr(String lspciVv, PciAddress d) {
        boolean inDevice = false;
        for (String line : lspciVv.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) inDevice = line.startsWith(d.toString() + " ");
            else if (inDevice && line.contains("FLReset-")) return true;
        }
        return false;
    }

    /** Functions of one physical device given to different VMs: they share resets and cannot be split safely. */
    private static List<Finding> split(List<VmRecord> hostVms, List<VmRecord> looked) {
        Map<String, Map<PciAddress, String>> bySlot = new TreeMap<>();
        for (VmRecord vm : hostVms) {
            for (PciAddress d : vm.pci()) {
                String slot = d.toString().substring(0, d.toString().indexOf('.'));
                bySlot.computeIfAbsent(slot, k -> new TreeMap<>()).put(d, vm.nameLabel());
            }
        }
        List<Finding> out = new ArrayList<>();
        bySlot.forEach((slot, functions) -> {
            boolean involved = looked.stream().anyMatch(v -> functions.containsValue(v.nameLabel()));
            if (new TreeSet<>(functions.values()).size() < 2 || !involved) return;
            List<String> who = functions.entrySet().stream().map(f -> f.getKey() + " -> '" + f.getValue() + "'").toList();
            out.add(new Finding(Kind.SPLIT_FUNCTIONS, slot, "the functions of one device are given to different VMs",
                    "other-config:pci: " + String.join(", ", who), "give every function of " + slot
                    + " to the same VM (and hide them all)", Optional.empty(), false));
        });
        return out;
    }
}
