package xenpt.observed;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;

/**
 * What the running dom0 kernel does now, as opposed to what the boot configuration says for the next boot.
 *
 * @param bootId        {@code /proc/sys/kernel/random/boot_id}; changes on every boot
 * @param cmdlineHide   the hide list on {@code /proc/cmdline}
 * @param pcibackLoaded whether {@code /sys/bus/pci/drivers/pciback} exists
 * @param pcibackBound  devices bound to pciback now
 */
public record RuntimeState(String bootId, HideList cmdlineHide, boolean pcibackLoaded, Set<PciAddress> pcibackBound) {
    public RuntimeState {
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(cmdlineHide, "cmdlineHide");
        pcibackBound = java.util.Collections.unmodifiableSet(new TreeSet<>(pcibackBound));
    }
}
