package xenpt.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.observed.PciBackendListing;
import xenpt.plan.PciValues;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * After a VM with passthrough starts: does its domain hold every device it was given? xapi reads
 * {@code other-config:pci} at start and a device that could not be plugged may go unnoticed; this reads dom0's PCI
 * backends (docs/attachment.md) for the VM's domain id. Every path that starts a VM calls {@link #verify}.
 */
final class AttachmentCheck {

    private AttachmentCheck() {}

    /**
     * Fails unless the running VM {@code uuid}'s domain holds each of {@code devices} on this host. Nothing is read
     * when {@code devices} is empty.
     */
    static void verify(HostSession s, String uuid, String vmName, List<PciAddress> devices)
            throws ApplyException, TransportException {
        if (devices.isEmpty()) return;
        String domId = Remote.must(s, Command.of("xe", "vm-param-get", "uuid=" + uuid, "param-name=dom-id"),
                "xe vm-param-get").stdout().strip();
        CommandResult ls = s.run(PciBackendListing.COMMAND);
        Optional<Map<Long, Set<PciAddress>>> held = PciBackendListing.parse(ls);
        if (held.isEmpty()) throw Remote.failed(s, String.join(" ", PciBackendListing.COMMAND.argv()), ls);
        Set<PciAddress> missing = new TreeSet<>(devices);
        try {
            missing.removeAll(held.get().getOrDefault(Long.parseLong(domId), Set.of()));
        } catch (NumberFormatException e) {
            throw new ApplyException(s.host() + ": VM '" + vmName + "' has dom-id '" + domId + "' after xe vm-start", e);
        }
        if (!missing.isEmpty()) {
            throw new ApplyException(s.host() + ": VM '" + vmName + "' started but its domain " + domId
                    + " does not hold " + PciValues.list(missing) + " (" + String.join(" ", PciBackendListing.COMMAND.argv())
                    + "); a VM that runs on another pool member holds its devices there, not here");
        }
    }
}
