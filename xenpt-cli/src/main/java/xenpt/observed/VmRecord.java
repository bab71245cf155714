package xenpt.observed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xenpt.desired.PciAddress;

/**
 * A VM as xe reports it (never the control domain, never a template).
 *
 * @param residentOn host uuid the VM runs on, or empty
 * @param affinity   host uuid the VM prefers, or empty
 * @param pciRaw     the exact value of {@code other-config:pci}; empty Optional when the key is absent
 * @param pci        the devices of {@code pciRaw} that parse ({@code N/dddd:bb:dd.f}), in written order; items xapi
 *                   would drop are dropped here too
 */
public record VmRecord(
        String uuid,
        String nameLabel,
        PowerState powerState,
        String residentOn,
        String affinity,
        Optional<String> pciRaw,
        List<PciAddress> pci) {

    public VmRecord {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(nameLabel, "nameLabel");
        Objects.requireNonNull(powerState, "powerState");
        residentOn = Objects.requireNonNullElse(residentOn, "");
        affinity = Objects.requireNonNullElse(affinity, "");
        Objects.requireNonNull(pciRaw, "pciRaw");
        pci = List.copyOf(pci);
    }
}
