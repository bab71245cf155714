package xenpt.plan;

import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;

/**
 * One reachable host as the sub-planners see it: its desired spec, what was observed, and the device facts their
 * checks share. Read-only: what a sub-planner finds it returns as {@link Findings}.
 */
final class HostContext {

    final HostSpec spec;
    final ObservedHost host;

    HostContext(HostSpec spec, ObservedHost host) {
        this.spec = spec;
        this.host = host;
    }

    String name() {
        return spec.name();
    }

    String hostUuid() {
        return host.info().hostUuid();
    }

    /** The other functions of {@code address}'s physical device that lspci lists. */
    Set<PciAddress> siblings(PciAddress address) {
        Set<PciAddress> out = new TreeSet<>();
        for (PciDevice d : host.devices()) {
            if (d.address().sameSlot(address) && !d.address().equals(address)) out.add(d.address());
        }
        return out;
    }

    /** Whether a VM belongs to this host for unmanaged-assignment purposes: pinned to it or running on it. */
    boolean placedHere(VmRecord vm) {
        return Placement.placedOn(hostUuid(), vm);
    }

    static String describe(PciDevice d) {
        String text = (d.vendorName() + " " + d.deviceName()).strip();
        return text.isEmpty() ? d.className() : text;
    }

    static String vmLabel(VmRecord vm) {
        return "'" + vm.nameLabel() + "'";
    }
}
