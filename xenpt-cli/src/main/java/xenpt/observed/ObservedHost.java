package xenpt.observed;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import xenpt.desired.HideMethod;
import xenpt.desired.PciAddress;
import xenpt.format.journal.JournalEntry;

/**
 * Everything xenpt read from one reachable host in one observation.
 *
 * @param name              host name from the desired state (or the address for {@code inspect --address})
 * @param backend           the hide method in use (never {@code AUTO})
 * @param boot              the boot configuration; for the xapi/xen-cmdline backends still the file those tools edit
 * @param devices           lspci devices sorted by address
 * @param vms               VMs (no control domain, no templates) sorted by name-label then uuid
 * @param managementDevices PCI functions behind the management interface
 * @param rootDiskDevices   PCI functions behind the dom0 root disk
 * @param pciObjects        xapi PCI objects (pci-id → uuid) on hosts with the PCI API, else empty
 * @param lastApplied       the last record of the host's xenpt journal; empty when xenpt never applied there
 * @param reboot            what a reboot must know: pool, HA, the VMs preventing evacuation, an unfinished reboot
 */
public record ObservedHost(
        String name,
        String address,
        HostInfo info,
        HideMethod backend,
        BootConfig boot,
        RuntimeState runtime,
        List<PciDevice> devices,
        List<VmRecord> vms,
        Set<PciAddress> managementDevices,
        Set<PciAddress> rootDiskDevices,
        Map<PciAddress, String> pciObjects,
        Optional<JournalEntry> lastApplied,
        RebootFacts reboot) {

    public ObservedHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(backend, "backend");
        if (backend == HideMethod.AUTO) throw new IllegalArgumentException("an observed backend is never auto");
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(runtime, "runtime");
        devices = devices.stream().sorted(java.util.Comparator.comparing(PciDevice::address)).toList();
        vms = vms.stream()
                .sorted(java.util.Comparator.comparing(VmRecord::nameLabel).thenComparing(VmRecord::uuid))
                .toList();
        managementDevices = java.util.Collections.unmodifiableSet(new TreeSet<>(managementDevices));
        rootDiskDevices = java.util.Collections.unmodifiableSet(new TreeSet<>(rootDiskDevices));
        pciObjects = java.util.Collections.unmodifiableMap(new TreeMap<>(pciObjects));
        Objects.requireNonNull(lastApplied, "lastApplied");
        Objects.requireNonNull(reboot, "reboot");
    }

    /** A host without reboot facts (a standalone host without HA, as before they were read). */
    public ObservedHost(String name, String address, HostInfo info, HideMethod backend, BootConfig boot,
            RuntimeState runtime, List<PciDevice> devices, List<VmRecord> vms, Set<PciAddress> managementDevices,
            Set<PciAddress> rootDiskDevices, Map<PciAddress, String> pciObjects, Optional<JournalEntry> lastApplied) {
        this(name, address, info, backend, boot, runtime, devices, vms, managementDevices, rootDiskDevices, pciObjects,
                lastApplied, RebootFacts.NONE);
    }

    /** A host without a journal record (the form before the journal was read). */
    public ObservedHost(String name, String address, HostInfo info, HideMethod backend, BootConfig boot,
            RuntimeState runtime, List<PciDevice> devices, List<VmRecord> vms, Set<PciAddress> managementDevices,
            Set<PciAddress> rootDiskDevices, Map<PciAddress, String> pciObjects) {
        this(name, address, info, backend, boot, runtime, devices, vms, managementDevices, rootDiskDevices, pciObjects,
                Optional.empty());
    }

    public Optional<PciDevice> device(PciAddress address) {
        return devices.stream().filter(d -> d.address().equals(address)).findFirst();
    }

    /** A pending reboot: the boot hide list differs from what the running kernel was booted with or has bound. */
    public boolean pendingReboot() {
        return !boot.hide().devices().equals(runtime.cmdlineHide().devices())
                || (boot.hide().valid() && runtime.pcibackLoaded() && !runtime.pcibackBound().containsAll(boot.hide().devices()));
    }
}
