package xenpt.format.otherconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import xenpt.desired.PciAddress;

/**
 * A VM's {@code other-config:pci} value, {@code 0/dddd:bb:dd.f,0/dddd:bb:dd.f}: its one writer ({@link #format}) and
 * one reader ({@link #parse}), for observe, plan and apply alike.
 *
 * <p>xenpt writes the devices in the desired order; the leading {@code 0/} is xapi's hotplug group, and as everyone
 * uses 0 the written order is the plug order. It reads a value with xapi's lenient rules (xen-facts §2): comma-separated items, each
 * read like {@code Scanf "%d/%04x:%02x:%02x.%01x"}: the domain is required, up to 4/2/2/1 hex digits, any case,
 * trailing junk ignored, and an item that does not parse is dropped silently (as xapi drops it).
 */
public final class OtherConfigPci {

    private static final Pattern ITEM = Pattern.compile(
            "[+-]?\\d+/([0-9A-Fa-f]{1,4}):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2})\\.([0-9A-Fa-f])");

    /** The {@code xe} map parameter and its key: {@code other-config:pci}. */
    public static final String MAP = "other-config";
    public static final String KEY = "pci";

    private OtherConfigPci() {}

    /** The value for {@code devices}; {@code ""} for none. */
    public static String format(List<PciAddress> devices) {
        return devices.stream().map(d -> "0/" + d).collect(Collectors.joining(","));
    }

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
