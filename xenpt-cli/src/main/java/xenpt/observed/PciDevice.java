package xenpt.observed;

import java.util.Objects;
import java.util.Optional;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;

/**
 * One PCI function as lspci reports it.
 *
 * @param classCode   4 hex digits, e.g. {@code 0300}
 * @param className   e.g. {@code VGA compatible controller}
 * @param subsystem   subsystem vendor and device names, or empty
 * @param revision    2 hex digits, or empty when lspci printed none (revision 0)
 * @param driver      the dom0 kernel driver in use ({@code pciback} when hidden and bound), if any
 */
public record PciDevice(
        PciAddress address,
        String classCode,
        String className,
        PciId id,
        String vendorName,
        String deviceName,
        String subsystem,
        String revision,
        Optional<String> driver) {

    public PciDevice {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(driver, "driver");
        classCode = Objects.requireNonNullElse(classCode, "");
        className = Objects.requireNonNullElse(className, "");
        vendorName = Objects.requireNonNullElse(vendorName, "");
        deviceName = Objects.requireNonNullElse(deviceName, "");
        subsystem = Objects.requireNonNullElse(subsystem, "");
        revision = Objects.requireNonNullElse(revision, "");
    }
}
