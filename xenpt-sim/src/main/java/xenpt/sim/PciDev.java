package xenpt.sim;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One PCI function of the simulated hardware, as lspci knows it. Ids are lower-case hex strings as lspci prints them
 * ({@code classId} 4 digits, vendor/device 4 digits, {@code rev}/{@code progIf} 2 digits, empty when zero); names may
 * be empty (lspci then falls back to {@code Device 515e}). {@code bridge} is the sysfs path of the parent bridges
 * below {@code /sys/devices/pci<domain>:00} (empty for a device on the root bus). {@code flr} is {@code +} or {@code -}
 * for a PCI Express endpoint (its DevCap FLReset flag), empty for a conventional PCI device (no Express capability).
 */
record PciDev(
        String slot,
        String bridge,
        String classId,
        String className,
        String vendorId,
        String vendorName,
        String deviceId,
        String deviceName,
        String svendorId,
        String svendorName,
        String sdeviceId,
        String sdeviceName,
        String rev,
        String progIf,
        String driver,
        List<String> modules,
        String flr) {

    private static final Pattern SLOT = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");
    private static final Pattern HEX4 = Pattern.compile("[0-9a-f]{4}");

    PciDev {
        slot = slot.toLowerCase(Locale.ROOT);
        if (!SLOT.matcher(slot).matches()) throw new IllegalArgumentException("bad PCI slot '" + slot + "'");
        for (String id : List.of(classId, vendorId, deviceId)) {
            if (!HEX4.matcher(id).matches()) throw new IllegalArgumentException(slot + ": bad id '" + id + "'");
        }
        rev = zeroToEmpty(rev);
        progIf = zeroToEmpty(progIf);
        modules = List.copyOf(modules);
        if (!flr.matches("[+-]?")) throw new IllegalArgumentException(slot + ": flr must be + or -");
    }

    private static String zeroToEmpty(String hexByte) {
        return hexByte == null || hexByte.isEmpty() || Integer.parseInt(hexByte, 16) == 0
                ? ""
                : String.format("%02x", Integer.parseInt(hexByte, 16));
    }

    /** {@code 0000}. */
    String domain() {
        return slot.substring(0, 4);
    }

    /** {@code 01:03.0}: the slot without its domain. */
    String bdf() {
        return slot.substring(5);
    }

    /** {@code 0000:01:03} : the slot without its function, shared by the functions of one device. */
    String deviceSlot() {
        return slot.substring(0, slot.indexOf('.'));
    }

    boolean hasSubsystem() {
        return !svendorId.isEmpty() && !svendorId.equals("0000") && !svendorId.equals("ffff");
    }

    /** The device's directory below {@code /sys/devices}, e.g. {@code pci0000:00/0000:00:1e.0/0000:01:03.0}. */
    String sysfsPath() {
        String top = "pci" + domain() + ":00";
        return bridge.isEmpty() ? top + "/" + slot : top + "/" + bridge + "/" + slot;
    }
}
