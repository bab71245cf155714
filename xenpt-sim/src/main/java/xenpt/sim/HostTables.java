package xenpt.sim;

import static xenpt.sim.XeField.MRO;
import static xenpt.sim.XeField.MRW;
import static xenpt.sim.XeField.RO;
import static xenpt.sim.XeField.RW;
import static xenpt.sim.XeField.SRO;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The host, pool, PIF and PCI classes of xe for a one-host pool. Objects that a scenario does not name (pool, PIFs,
 * networks, PCI objects, SR) get uuids derived from the host uuid, so they are stable across restarts.
 */
final class HostTables {

    /** A PCI object of the xapi PCI API (8.3+): one per managed lspci function, with its sibling functions. */
    record PciObject(String uuid, PciDev dev, List<String> dependencies, String driver) {}

    private HostTables() {}

    static String derivedUuid(Scenario s, String what) {
        return UUID.nameUUIDFromBytes((s.hostUuid() + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String poolUuid(Scenario s) {
        return s.poolUuid().isEmpty() ? derivedUuid(s, "pool") : s.poolUuid();
    }

    /** @param enabled whether a member is enabled ({@link HostFlags}; records.ml: {@code enabled}, RO) */
    static XeTable<Scenario> host(java.util.function.Predicate<Scenario> enabled) {
        return new XeTable<>("host", List.of(
                XeField.of("uuid", RO, Scenario::hostUuid),
                XeField.of("name-label", RW, Scenario::hostName),
                XeField.of("name-description", RW, s -> "Default install"),
                XeField.of("allowed-operations", SRO, s -> "VM.migrate; provision; VM.resume; evacuate; VM.start"),
                XeField.of("current-operations", SRO, s -> ""),
                XeField.of("enabled", RO, s -> String.valueOf(enabled.test(s))),
                XeField.ofMap("software-version", MRO, Scenario::softwareVersion),
                XeField.ofMap("other-config", MRW, s -> Map.of("agent_start_time", "1700000000.")),
                XeField.of("hostname", RO, Scenario::hostName),
                XeField.of("address", RO, Scenario::address)),
                List.of("uuid", "name-label", "name-description"));
    }

    static XeTable<Pool> pool() {
        return new XeTable<>("pool", List.of(
                XeField.of("uuid", RO, Pool::uuid),
                XeField.of("name-label", RW, Pool::name),
                XeField.of("name-description", RW, p -> ""),
                XeField.of("master", RO, Pool::masterUuid),
                XeField.of("default-SR", RW, p -> derivedUuid(p.master(), "sr/local")),
                // records.ml pool_record: ha-enabled (RO) comes after the SR fields and before other-config's
                // neighbours in the real record; the simulator prints the subset in that relative order.
                XeField.of("ha-enabled", RO, p -> String.valueOf(p.haEnabled())),
                XeField.ofMap("other-config", MRW, p -> p.master().poolOtherConfig())),
                List.of("uuid", "name-label", "name-description", "master", "default-SR"));
    }

    static XeTable<Nic> pif(Scenario s) {
        return new XeTable<>("PIF", List.of(
                XeField.of("uuid", RO, n -> derivedUuid(s, "pif/" + n.name())),
                XeField.of("device", RO, Nic::name),
                XeField.of("MAC", RO, Nic::mac),
                XeField.of("physical", RO, n -> "true"),
                XeField.of("managed", RO, n -> "true"),
                XeField.of("currently-attached", RO, n -> "true"),
                XeField.of("MTU", RO, n -> "1500"),
                XeField.of("VLAN", RO, n -> "-1"),
                XeField.of("management", RO, n -> String.valueOf(n.management())),
                XeField.of("network-uuid", RO, n -> derivedUuid(s, "network/" + n.name())),
                XeField.of("network-name-label", RO, n -> "Pool-wide network associated with " + n.name()),
                XeField.of("host-uuid", RO, n -> s.hostUuid()),
                XeField.of("host-name-label", RO, n -> s.hostName()),
                XeField.of("IP-configuration-mode", RO, n -> n.ip().isEmpty() ? "None" : "Static"),
                XeField.of("IP", RO, Nic::ip),
                XeField.of("vendor-id", RO, n -> dev(s, n).map(PciDev::vendorId).orElse("")),
                XeField.of("device-id", RO, n -> dev(s, n).map(PciDev::deviceId).orElse("")),
                XeField.of("pci-bus-path", RO, Nic::pci),
                XeField.ofMap("other-config", MRW, n -> Map.of())),
                List.of("uuid", "device", "currently-attached", "VLAN", "network-uuid"));
    }

    private static java.util.Optional<PciDev> dev(Scenario s, Nic n) {
        return s.device(n.pci());
    }

    static XeTable<PciObject> pci(Scenario s) {
        return new XeTable<>("PCI", List.of(
                XeField.of("uuid", RO, PciObject::uuid),
                XeField.of("vendor-name", RO, p -> p.dev().vendorName()),
                XeField.of("device-name", RO, p -> p.dev().deviceName()),
                XeField.of("driver-name", RO, PciObject::driver),
                XeField.of("host-uuid", RO, p -> s.hostUuid()),
                XeField.of("host-name-label", RO, p -> s.hostName()),
                XeField.of("pci-id", RO, p -> p.dev().slot()),
                XeField.of("dependencies", SRO, p -> XeFormat.set(p.dependencies())),
                XeField.ofMap("other-config", MRW, p -> Map.of())),
                List.of("uuid", "vendor-name", "device-name", "pci-id"));
    }

    /**
     * xapi's {@code update_pcis}: functions of classes 01 (storage), 02 (network) and 03 (display), plus the other
     * functions of the same device (a GPU's audio or USB function).
     */
    static List<PciObject> pciObjects(Scenario s, HostState state) {
        List<String> managedDevices = new ArrayList<>();
        for (PciDev d : s.devices()) {
            if (d.classId().matches("0[123]..")) managedDevices.add(d.deviceSlot());
        }
        List<PciObject> out = new ArrayList<>();
        for (PciDev d : s.devices()) {
            if (!managedDevices.contains(d.deviceSlot())) continue;
            List<String> deps = s.devices().stream()
                    .filter(o -> o.deviceSlot().equals(d.deviceSlot()) && !o.slot().equals(d.slot()))
                    .map(PciDev::slot).toList();
            out.add(new PciObject(derivedUuid(s, "pci/" + d.slot()), d, deps, RuntimeTree.driverOf(d, state)));
        }
        return out;
    }
}
