package xenpt.format.hide;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;

/**
 * A {@code xen-pciback.hide} value as found on a kernel line.
 *
 * @param present whether the parameter is on the line at all
 * @param raw     the value after {@code xen-pciback.hide=} exactly as written ({@code ""} when absent)
 * @param valid   whether the Linux pciback parser accepts it; an invalid value means pciback does not load
 * @param devices the devices it names (those that parse), sorted
 */
public record HideList(boolean present, String raw, boolean valid, Set<PciAddress> devices) {

    public static final HideList ABSENT = new HideList(false, "", true, Set.of());

    public HideList {
        Objects.requireNonNull(raw, "raw");
        devices = java.util.Collections.unmodifiableSet(new TreeSet<>(devices));
    }
}
