package xenpt.observed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;

/**
 * Parser of {@code lspci -D -vmm -nn -k}: records of {@code Tag:\tvalue} lines separated by blank lines (xen-facts
 * §7). With {@code -nn} the class, vendor and device values end with their numeric id in brackets; names may
 * themselves contain brackets, so the id is the last bracketed group. A record without a parsable slot, vendor id
 * or device id is skipped: xenpt cannot name or pin such a device.
 */
public final class Lspci {

    private static final Pattern NAMED_ID = Pattern.compile("(.*?)\\s*\\[([0-9A-Fa-f]{4})\\]\\s*");

    private Lspci() {}

    /** Linear in the listing: one pass over the lines, the first record of each slot kept by a map lookup. */
    public static List<PciDevice> parse(String text) {
        Map<PciAddress, PciDevice> devices = new LinkedHashMap<>();
        Map<String, String> record = new LinkedHashMap<>();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!record.isEmpty()) device(record).ifPresent(d -> devices.putIfAbsent(d.address(), d));
                record.clear();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String tag = line.substring(0, colon).strip();
            record.putIfAbsent(tag, line.substring(colon + 1).strip());
        }
        return new ArrayList<>(devices.values());
    }

    private static Optional<PciDevice> device(Map<String, String> r) {
        Optional<PciAddress> address = PciAddress.tryParse(r.getOrDefault("Slot", ""));
        Matcher cls = NAMED_ID.matcher(r.getOrDefault("Class", ""));
        Matcher vendor = NAMED_ID.matcher(r.getOrDefault("Vendor", ""));
        Matcher device = NAMED_ID.matcher(r.getOrDefault("Device", ""));
        if (address.isEmpty() || !vendor.matches() || !device.matches()) return Optional.empty();
        boolean hasClass = cls.matches();
        PciId id = new PciId(Integer.parseInt(vendor.group(2), 16), Integer.parseInt(device.group(2), 16));
        String subsystem = (name(r.get("SVendor")) + " " + name(r.get("SDevice"))).strip();
        String driver = r.getOrDefault("Driver", "");
        return Optional.of(new PciDevice(address.get(),
                hasClass ? cls.group(2).toLowerCase(java.util.Locale.ROOT) : "",
                hasClass ? cls.group(1) : r.getOrDefault("Class", ""),
                id, vendor.group(1), device.group(1), subsystem,
                r.getOrDefault("Rev", "").toLowerCase(java.util.Locale.ROOT),
                driver.isEmpty() ? Optional.empty() : Optional.of(driver)));
    }

    private static String name(String value) {
        if (value == null) return "";
        Matcher m = NAMED_ID.matcher(value);
        return m.matches() ? m.group(1) : value;
    }
}
