package xenpt.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import xenpt.desired.PciAddress;

/**
 * The normalised text forms xenpt writes to hosts, and their inverse for saved plans.
 *
 * <ul>
 *   <li>{@code other-config:pci}: {@code 0/dddd:bb:dd.f,0/dddd:bb:dd.f} in the desired order. The leading {@code 0/}
 *       is xapi's hotplug group; everyone uses 0, so the written order is the plug order we keep.
 *   <li>hide list: {@code (dddd:bb:dd.f)(dddd:bb:dd.f)} sorted, lower case; the fixed 14-character entries that the
 *       xapi PCI API parser requires (xen-facts §5.3).
 * </ul>
 */
public final class PciValues {

    private PciValues() {}

    /** The {@code other-config:pci} value for {@code devices}; {@code ""} for none. */
    public static String pciValue(List<PciAddress> devices) {
        return devices.stream().map(d -> "0/" + d).collect(Collectors.joining(","));
    }

    /** The {@code xen-pciback.hide} value for {@code devices}; {@code ""} for none. */
    public static String hideValue(Collection<PciAddress> devices) {
        return new TreeSet<>(devices).stream().map(d -> "(" + d + ")").collect(Collectors.joining());
    }

    /**
     * Parses a value written by {@link #hideValue}; entries in any accepted address form.
     *
     * @throws IllegalArgumentException when {@code text} is not a sequence of {@code (address)} entries
     */
    public static Set<PciAddress> parseHideValue(String text) {
        Set<PciAddress> out = new TreeSet<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            int close = rest.indexOf(')');
            if (!rest.startsWith("(") || close < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a hide list; expected (dddd:bb:dd.f)...");
            }
            out.add(PciAddress.parse(rest.substring(1, close)));
            rest = rest.substring(close + 1).strip();
        }
        return out;
    }

    /** Parses a value written by {@link #pciValue}, keeping its order. */
    public static List<PciAddress> parsePciValue(String text) {
        List<PciAddress> out = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) continue;
            int slash = item.indexOf('/');
            out.add(PciAddress.parse(item.substring(slash + 1)));
        }
        return out;
    }

    /** Addresses as {@code a, b and c} for messages. */
    public static String list(Collection<PciAddress> devices) {
        List<String> words = devices.stream().map(PciAddress::toString).toList();
        if (words.size() <= 1) return String.join("", words);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
