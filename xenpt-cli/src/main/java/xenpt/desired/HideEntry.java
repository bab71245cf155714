package xenpt.desired;

import java.util.Objects;
import java.util.Optional;
import xenpt.diag.Location;

/**
 * One device a host hides from dom0.
 *
 * @param id       optional identity pin: the device at {@code address} must have this vendor:device
 * @param location where the entry is written, for diagnostics
 */
public record HideEntry(PciAddress address, Optional<PciId> id, Location location) {

    public HideEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(id, "id");
    }
}
