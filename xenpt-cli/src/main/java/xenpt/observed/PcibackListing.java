package xenpt.observed;

import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.transport.CommandResult;

/** Parser of {@code ls /sys/bus/pci/drivers/pciback}: whether pciback is loaded and which devices it holds. */
public final class PcibackListing {

    /** @param bound the full-BDF entries (the driver's own files such as {@code bind} or {@code slots} are not devices) */
    public record Pciback(boolean loaded, Set<PciAddress> bound) {
        public Pciback {
            bound = java.util.Collections.unmodifiableSet(new TreeSet<>(bound));
        }
    }

    private static final java.util.regex.Pattern BDF =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private PcibackListing() {}

    /**
     * A failed listing (absent directory, or anything else) counts as "not loaded": that is what xenopsd checks
     * before plugging a device, and reporting it errs on the side of warning the user.
     */
    public static Pciback parse(CommandResult ls) {
        if (!ls.ok()) return new Pciback(false, Set.of());
        Set<PciAddress> bound = new TreeSet<>();
        for (String line : ls.stdout().split("\n", -1)) {
            String name = line.strip();
            if (BDF.matcher(name).matches()) bound.add(PciAddress.parse(name));
        }
        return new Pciback(true, bound);
    }
}
