package xenpt.desired;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import xenpt.desired.yaml.YamlValue;
import xenpt.desired.yaml.YamlValue.YMap;
import xenpt.desired.yaml.YamlValue.YScalar;
import xenpt.desired.yaml.YamlValue.YSeq;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

/**
 * Reads one host's {@code hide} list and {@code vms}, with the device checks of SPEC §1: addresses and id pins
 * well-formed, no device twice in one list, no device in two VMs, and a VM's devices inside the host's hide set when
 * the host has one (otherwise the planner checks them against the live hide list).
 */
final class DeviceReader {

    private final String host;
    private final List<Diagnostic> diagnostics;

    DeviceReader(String host, List<Diagnostic> diagnostics) {
        this.host = host;
        this.diagnostics = diagnostics;
    }

    /** A device and where it is written. */
    private record Placed(String vm, Location location) {}

    List<HideEntry> hide(YSeq list) {
        Map<PciAddress, Location> seen = new HashMap<>();
        List<HideEntry> out = new ArrayList<>();
        for (YamlValue item : list.items()) {
            Optional<YScalar> addressValue = item instanceof YMap m ? Fields.scalar(m, "address")
                    : Optional.of(item).filter(YScalar.class::isInstance).map(YScalar.class::cast);
            Optional<PciId> id = item instanceof YMap m ? Fields.scalar(m, "id").flatMap(this::id) : Optional.empty();
            Optional<PciAddress> address = addressValue.flatMap(this::address);
            if (address.isEmpty()) continue;
            Location first = seen.putIfAbsent(address.get(), item.location());
            if (first != null) {
                diagnostics.add(Diagnostic.error(item.location(), "device " + address.get()
                        + " is listed twice in the hide list of host '" + host + "'", "first listed at " + lineCol(first)));
                continue;
            }
            out.add(new HideEntry(address.get(), id, item.location()));
        }
        return out;
    }

    List<VmSpec> vms(Optional<YMap> vms, Optional<List<HideEntry>> hide) {
        Optional<Set<PciAddress>> hidden = hide.map(h -> h.stream().map(HideEntry::address).collect(Collectors.toSet()));
        Map<PciAddress, Placed> owners = new HashMap<>();
        Map<String, Placed> uuids = new HashMap<>();
        List<VmSpec> out = new ArrayList<>();
        for (Map.Entry<String, YamlValue.Entry> e : vms.map(YMap::entries).orElse(Map.of()).entrySet()) {
            if (!(e.getValue().value() instanceof YMap vm)) continue;
            String name = e.getKey();
            Location at = e.getValue().keyLocation();
            Formats.vmName(name).ifPresent(p -> diagnostics.add(Diagnostic.error(at, p)));
            Optional<String> uuid = Fields.scalar(vm, "uuid").flatMap(u -> uuid(u, name, uuids));
            List<PciAddress> pci = pci(name, Fields.list(vm, "pci"), owners, hidden);
            out.add(new VmSpec(name, uuid, pci, at));
        }
        out.sort(Comparator.comparing(VmSpec::name));
        return out;
    }

    private List<PciAddress> pci(String vm, Optional<YSeq> list, Map<PciAddress, Placed> owners,
            Optional<Set<PciAddress>> hidden) {
        List<PciAddress> out = new ArrayList<>();
        Map<PciAddress, Location> mine = new HashMap<>();
        for (YamlValue item : list.map(YSeq::items).orElse(List.of())) {
            if (!(item instanceof YScalar s)) continue;
            Optional<PciAddress> parsed = address(s);
            if (parsed.isEmpty()) continue;
            PciAddress a = parsed.get();
            Location again = mine.putIfAbsent(a, s.location());
            if (again != null) {
                error(s, "device " + a + " is listed twice in pci of VM '" + vm + "'", "first listed at " + lineCol(again));
                continue;
            }
            Placed first = owners.putIfAbsent(a, new Placed(vm, s.location()));
            if (first != null) {
                error(s, "device " + a + " is given to two VMs of host '" + host + "': '" + first.vm() + "' and '" + vm + "'",
                        "a device can be passed to one VM only; VM '" + first.vm() + "' lists it at " + lineCol(first.location()));
            }
            if (hidden.isPresent() && !hidden.get().contains(a)) {
                error(s, "device " + a + " of VM '" + vm + "' is not in the hide list of host '" + host + "'",
                        "a device passed to a VM must be hidden from dom0: add it to hide");
            }
            out.add(a);
        }
        return out;
    }

    private Optional<String> uuid(YScalar value, String vm, Map<String, Placed> seen) {
        Optional<String> problem = Formats.vmUuid(value.text());
        if (problem.isPresent()) {
            error(value, problem.get(), null);
            return Optional.empty();
        }
        String uuid = value.text().toLowerCase(java.util.Locale.ROOT);
        Placed first = seen.putIfAbsent(uuid, new Placed(vm, value.location()));
        if (first != null) {
            error(value, "uuid " + uuid + " is given to two VMs of host '" + host + "': '" + first.vm() + "' and '" + vm + "'",
                    "each entry under vms names a different VM");
        }
        return Optional.of(uuid);
    }

    private Optional<PciAddress> address(YScalar value) {
        try {
            return Optional.of(PciAddress.parse(value.text()));
        } catch (IllegalArgumentException e) {
            error(value, e.getMessage(), null);
            return Optional.empty();
        }
    }

    private Optional<PciId> id(YScalar value) {
        try {
            return Optional.of(PciId.parse(value.text()));
        } catch (IllegalArgumentException e) {
            error(value, e.getMessage(), null);
            return Optional.empty();
        }
    }

    private void error(YamlValue at, String message, String hint) {
        diagnostics.add(Diagnostic.error(at.location(), message, hint));
    }

    private static String lineCol(Location l) {
        return l.line() + ":" + l.column();
    }
}
