package xenpt.observed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import xenpt.desired.PciAddress;

/**
 * A VM as xe reports it (never the control domain, never a template).
 *
 * @param residentOn host uuid the VM runs on, or empty
 * @param affinity   host uuid the VM prefers, or empty
 * @param pciRaw     the exact value of {@code other-config:pci}; empty Optional when the key is absent
 * @param pci        the devices of {@code pciRaw} that parse ({@code N/dddd:bb:dd.f}), in written order; items xapi
 *                   would drop are dropped here too
 * @param domId      the domain id xapi reports ({@code dom-id}); -1 when the VM has no domain
 * @param attached   the devices the running domain holds on this host, from dom0's PCI backends in xenstore
 *                   (docs/attachment.md); empty Optional when unknown: not running here, or the read failed
 */
public record VmRecord(
        String uuid,
        String nameLabel,
        PowerState powerState,
        String residentOn,
        String affinity,
        Optional<String> pciRaw,
        List<PciAddress> pci,
        long domId,
        Optional<Set<PciAddress>> attached) {

    public VmRecord {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(nameLabel, "nameLabel");
        Objects.requireNonNull(powerState, "powerState");
        residentOn = Objects.requireNonNullElse(residentOn, "");
        affinity = Objects.requireNonNullElse(affinity, "");
        Objects.requireNonNull(pciRaw, "pciRaw");
        pci = List.copyOf(pci);
        attached = attached.map(a -> java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(a)));
    }

    /** A VM whose domain's devices are not known (halted, elsewhere, or not read). */
    public VmRecord(String uuid, String nameLabel, PowerState powerState, String residentOn, String affinity,
            Optional<String> pciRaw, List<PciAddress> pci) {
        this(uuid, nameLabel, powerState, residentOn, affinity, pciRaw, pci, -1, Optional.empty());
    }

    /** This record with what its domain holds. */
    public VmRecord withAttached(Set<PciAddress> devices) {
        return new VmRecord(uuid, nameLabel, powerState, residentOn, affinity, pciRaw, pci, domId, Optional.of(devices));
    }
}
