package xenpt.observed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;

/**
 * Parsers of {@code ls -l} listings of symlink directories ({@code /sys/class/net}, {@code /sys/block},
 * {@code /dev/disk/by-id}) and of the sysfs paths they point to.
 */
public final class SysLinks {

    private static final Pattern BDF = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private SysLinks() {}

    /** Link name → target for each {@code l...  name -> target} line; other lines ({@code total 0}) are skipped. */
    public static Map<String, String> parse(String lsOutput) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String line : lsOutput.split("\n", -1)) {
            int arrow = line.indexOf(" -> ");
            if (!line.startsWith("l") || arrow < 0) continue;
            String[] left = line.substring(0, arrow).strip().split("\\s+");
            links.putIfAbsent(left[left.length - 1], line.substring(arrow + 4).strip());
        }
        return links;
    }

    /**
     * The PCI function a sysfs device path belongs to: its last {@code dddd:bb:dd.f} component (the ones before it
     * are bridges). Empty for virtual devices ({@code ../../devices/virtual/net/xenbr0}).
     */
    public static Optional<PciAddress> pciAddressOf(String target) {
        PciAddress found = null;
        for (String part : target.split("/")) {
            if (BDF.matcher(part).matches()) found = PciAddress.parse(part);
        }
        return Optional.ofNullable(found);
    }

    /** The last path component: {@code ../../sda} → {@code sda}. */
    public static String baseName(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
