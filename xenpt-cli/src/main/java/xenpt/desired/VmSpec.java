package xenpt.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xenpt.diag.Location;

/**
 * A managed VM: its {@code other-config:pci} must become exactly {@code pci} (empty list: the key is removed).
 *
 * @param name     the VM's name-label
 * @param uuid     optional uuid, required when the name-label is ambiguous on the host
 * @param pci      devices in hotplug order, normalised, without duplicates
 * @param location where the VM is written, for diagnostics
 */
public record VmSpec(String name, Optional<String> uuid, List<PciAddress> pci, Location location) {

    public VmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        pci = List.copyOf(pci);
        if (pci.stream().distinct().count() != pci.size()) {
            throw new IllegalArgumentException("duplicate device in pci of VM '" + name + "'");
        }
    }
}
