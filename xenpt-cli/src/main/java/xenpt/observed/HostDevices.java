package xenpt.observed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;

/**
 * The PCI functions dom0 cannot lose: the one behind the management interface and the one behind the root disk.
 * A bonded or VLAN management interface has no PCI device of its own in {@code /sys/class/net}; its slaves are not
 * read (UNKNOWN which of them matter), so the set is then empty and only the explicit checks of the planner apply.
 */
final class HostDevices {

    private HostDevices() {}

    /** @param pifRecords {@code xe pif-list management=true params=device,host-uuid} */
    static Set<PciAddress> management(List<XeRecords.XeRecord> pifRecords, String hostUuid, String netLinks) {
        Map<String, String> links = SysLinks.parse(netLinks);
        Set<PciAddress> devices = new TreeSet<>();
        for (XeRecords.XeRecord pif : pifRecords) {
            String host = pif.get("host-uuid");
            if (!host.isEmpty() && !host.equals(hostUuid)) continue; // another pool member's management PIF
            Optional.ofNullable(links.get(pif.get("device"))).flatMap(SysLinks::pciAddressOf).ifPresent(devices::add);
        }
        return devices;
    }

    /**
     * @param primaryDisk {@code PRIMARY_DISK} of the inventory, e.g. {@code /dev/disk/by-id/scsi-…} or {@code /dev/sda}
     */
    static Set<PciAddress> rootDisk(String primaryDisk, String byIdLinks, String blockLinks) {
        if (primaryDisk.isBlank()) return Set.of();
        String name = SysLinks.baseName(primaryDisk);
        if (primaryDisk.startsWith("/dev/disk/by-id/")) {
            String target = SysLinks.parse(byIdLinks).get(name);
            if (target == null) return Set.of();
            name = SysLinks.baseName(target);
        }
        String sysPath = SysLinks.parse(blockLinks).get(name);
        return sysPath == null ? Set.of() : SysLinks.pciAddressOf(sysPath).map(Set::of).orElse(Set.of());
    }
}
