package xenpt.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static description of a simulated host (its hardware, product, initial files and VMs), loaded from a scenario
 * YAML file by {@link ScenarioLoader}. What changes while the host runs lives in {@link HostState}.
 *
 * @param inventory {@code /etc/xensource-inventory} keys in file order; INSTALLATION_UUID is the host uuid,
 *     CONTROL_DOMAIN_UUID dom0's VM uuid, PRODUCT_BRAND / PRODUCT_VERSION the product
 * @param softwareVersion the host's {@code software-version} map, in the order xe prints it
 * @param files initial files of the host tree (virtual path → content), e.g. the boot configuration
 * @param links initial symbolic links (virtual path → relative target), created after the files
 * @param poolOtherConfig the pool's other-config (a pool's: its master's), e.g. {@code auto_poweron: "true"}
 * @param iommu whether Xen found and enabled an IOMMU (VT-d / AMD-Vi): without it no device can be passed through
 */
record Scenario(
        String name,
        String hostName,
        String address,
        String poolUuid,
        long rebootDelayMs,
        boolean xenCmdline,
        boolean pciApi,
        boolean iommu,
        Map<String, String> inventory,
        Map<String, String> softwareVersion,
        Map<String, String> files,
        Map<String, String> links,
        List<PciDev> devices,
        List<Nic> nics,
        List<Disk> disks,
        List<VmSeed> vms,
        Map<String, String> poolOtherConfig) {

    Scenario {
        inventory = Collections.unmodifiableMap(new LinkedHashMap<>(inventory));
        softwareVersion = Collections.unmodifiableMap(new LinkedHashMap<>(softwareVersion));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        links.forEach((path, target) -> {
            // SFTP (MINA's virtual file system) follows links on the real file system, where an absolute target
            // would leave the host tree; a relative one resolves the same for the commands and for SFTP.
            if (target.isEmpty() || target.startsWith("/")) {
                throw new IllegalArgumentException("links: " + path + " -> '" + target + "': the target must be a relative path");
            }
        });
        devices = List.copyOf(devices);
        nics = List.copyOf(nics);
        disks = List.copyOf(disks);
        vms = List.copyOf(vms);
        poolOtherConfig = Collections.unmodifiableMap(new LinkedHashMap<>(poolOtherConfig));
        for (String key : List.of("INSTALLATION_UUID", "CONTROL_DOMAIN_UUID", "PRODUCT_BRAND", "PRODUCT_VERSION")) {
            if (!inventory.containsKey(key)) throw new IllegalArgumentException("inventory lacks " + key);
        }
        if (rebootDelayMs < 0) throw new IllegalArgumentException("reboot-delay-ms must be >= 0");
    }

    String hostUuid() {
        return inventory.get("INSTALLATION_UUID");
    }

    String controlDomainUuid() {
        return inventory.get("CONTROL_DOMAIN_UUID");
    }

    String brand() {
        return inventory.get("PRODUCT_BRAND");
    }

    /** The product's major version (6 for 6.5, 8 for XCP-ng 8.3): some error texts differ by version. */
    int majorVersion() {
        String v = inventory.get("PRODUCT_VERSION");
        return Integer.parseInt(v.substring(0, v.indexOf('.') < 0 ? v.length() : v.indexOf('.')));
    }

    Optional<PciDev> device(String slot) {
        return devices.stream().filter(d -> d.slot().equals(slot)).findFirst();
    }
}
