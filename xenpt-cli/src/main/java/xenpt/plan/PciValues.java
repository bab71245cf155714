package xenpt.plan;

import java.util.Collection;
import java.util.List;
import xenpt.desired.PciAddress;

/**
 * Devices in messages. The values xenpt writes to hosts have their own packages: {@link
 * xenpt.format.hide.HideValue} and {@link xenpt.format.otherconfig.OtherConfigPci}.
 */
public final class PciValues {

    private PciValues() {}

    /** Addresses as {@code a, b and c} for messages. */
    public static String list(Collection<PciAddress> devices) {
        List<String> words = devices.stream().map(PciAddress::toString).toList();
        if (words.size() <= 1) return String.join("", words);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
