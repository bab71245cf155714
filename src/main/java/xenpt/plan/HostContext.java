package xenpt.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;

/** What planning one reachable host collects, and the device facts its checks share. */
final class HostContext {

    final HostSpec spec;
    final ObservedHost host;
    final List<Change> changes = new ArrayList<>();
    final List<Status> statuses = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Devices already reported missing or mismatching, so that hide and assign do not both report them. */
    private final Set<PciAddress> reported = new HashSet<>();

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

    /** Errors when {@code address} is absent from lspci or does not have the pinned id; true when it is fine. */
    boolean checkPresent(PciAddress address, Optional<PciId> pin, Location at) {
        Optional<PciDevice> device = host.device(address);
        if (device.isEmpty()) {
            if (reported.add(address)) {
                diagnostics.add(Diagnostic.error(at, address + " is not on " + name() + " (lspci does not list it)",
                        "check the address with lspci -D on the host"));
            }
            return false;
        }
        if (pin.isPresent() && !pin.get().equals(device.get().id())) {
            if (reported.add(address)) {
                diagnostics.add(Diagnostic.error(at, address + " on " + name() + " is " + device.get().id() + " ("
                        + describe(device.get()) + "), not the pinned " + pin.get(),
                        "the hardware changed or the address is wrong; fix the address or the id"));
            }
            return false;
        }
        return true;
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
