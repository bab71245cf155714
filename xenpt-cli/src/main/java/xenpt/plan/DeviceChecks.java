package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;
import xenpt.observed.PciDevice;

/**
 * The device checks of one pass over a host, and the diagnostics they give. A device missing from lspci or not of its
 * pinned id is reported once per pass: a pass that continues an earlier one (the assignment checks after the hide
 * checks) starts from the devices that one already reported.
 */
final class DeviceChecks {

    final HostContext ctx;
    private final Set<PciAddress> reported;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** @param reportedBefore devices an earlier pass already reported missing or mismatching */
    DeviceChecks(HostContext ctx, Set<PciAddress> reportedBefore) {
        this.ctx = ctx;
        this.reported = new TreeSet<>(reportedBefore);
    }

    /** Errors when {@code address} is absent from lspci or does not have the pinned id; true when it is fine. */
    boolean present(PciAddress address, Optional<PciId> pin, Location at) {
        Optional<PciDevice> device = ctx.host.device(address);
        if (device.isEmpty()) {
            if (reported.add(address)) {
                add(Diagnostic.error(at, address + " is not on " + ctx.name() + " (lspci does not list it)",
                        "check the address with lspci -D on the host"));
            }
            return false;
        }
        if (pin.isPresent() && !pin.get().equals(device.get().id())) {
            if (reported.add(address)) {
                add(Diagnostic.error(at, address + " on " + ctx.name() + " is " + device.get().id() + " ("
                        + HostContext.describe(device.get()) + "), not the pinned " + pin.get(),
                        "the hardware changed or the address is wrong; fix the address or the id"));
            }
            return false;
        }
        return true;
    }

    void add(Diagnostic d) {
        diagnostics.add(d);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** The devices reported missing or mismatching so far, the earlier passes' included. */
    Set<PciAddress> reported() {
        return Set.copyOf(reported);
    }
}
