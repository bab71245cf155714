package xenpt.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;

/**
 * Parser of an {@code other-config:pci} value with xapi's lenient rules (xen-facts §2): comma-separated items, each
 * read like {@code Scanf "%d/%04x:%02x:%02x.%01x"}: the domain is required, up to 4/2/2/1 hex digits, any case,
 * trailing junk ignored, and an item that does not parse is dropped silently (as xapi drops it).
 */
public final class OtherConfigPci {

    private static final Pattern ITEM = Pattern.compile(
            "[+-]?\\d+/([0-9A-Fa-f]{1,4}):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2})\\.([0-9A-Fa-f])");

    private OtherConfigPci() {}

    /**
     * The devices in written order (the hotplug ordering number is not kept: everyone writes {@code 0/}). Items that
     * xapi would read but that are not PCI addresses (device above 1f, function above 7) are dropped too; xapi would
     * fail to plug them at VM start.
     */
    public static List<PciAddress> parse(String value) {
        List<PciAddress> devices = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.lookingAt()) continue;
            int device = Integer.parseInt(m.group(3), 16);
            int function = Integer.parseInt(m.group(4), 16);
            if (device > 0x1f || function > 7) continue;
            devices.add(new PciAddress(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16), device, function));
        }
        return devices;
    }
}
