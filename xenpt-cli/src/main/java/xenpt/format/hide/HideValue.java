package xenpt.format.hide;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import xenpt.desired.PciAddress;

/**
 * The {@code xen-pciback.hide} value, {@code (dddd:bb:dd.f)(dddd:bb:dd.f)}: its one writer ({@link #format}) and one
 * reader ({@link #parse}), for observe, plan and apply alike.
 *
 * <p>xenpt writes the entries sorted, lower case, in the fixed 14-character form that the xapi PCI API parser
 * requires (xen-facts §5.3). It reads a value with the rules of Linux {@code pci_stub.c} (xen-facts §3.1): entries
 * {@code (dddd:bb:dd.f)} or {@code (bb:dd.f)} in hex, whitespace allowed around entries and before each number
 * (as {@code sscanf(" (%x:%x:%x.%x) %n")} allows). Any error makes the whole value invalid: the kernel then does
 * not register pciback at all. Wildcards ({@code *}) are treated as errors: newer kernels accept them but it is not
 * known whether the hosts' 4.19 kernel does, and xenpt never writes them, so flagging them is the safe side.
 */
public final class HideValue {

    /** The kernel parameter whose value this is. */
    public static final String KEY = "xen-pciback.hide";

    private HideValue() {}

    /** The value for {@code devices}; {@code ""} for none. */
    public static String format(Collection<PciAddress> devices) {
        return new TreeSet<>(devices).stream().map(d -> "(" + d + ")").collect(Collectors.joining());
    }

    /** {@code xen-pciback.hide=(dddd:bb:dd.f)…} for {@code devices}, or {@code ""} for none (no argument at all). */
    public static String argument(Collection<PciAddress> devices) {
        return devices.isEmpty() ? "" : KEY + "=" + format(devices);
    }

    /** Whether a kernel argument (quotes removed) sets the parameter: {@code KEY} alone or {@code KEY=…}. */
    public static boolean isArgument(String arg) {
        return arg.equals(KEY) || arg.startsWith(KEY + "=");
    }

    /**
     * The devices of a value that must be valid (one read back, not observed).
     *
     * @throws IllegalArgumentException when the kernel would not accept {@code text}
     */
    public static Set<PciAddress> devices(String text) {
        HideList list = parse(text);
        if (!list.valid()) {
            throw new IllegalArgumentException("'" + text + "' is not a hide list; expected (dddd:bb:dd.f)...");
        }
        return list.devices();
    }

    /** Reads {@code raw} as the kernel does: an invalid value is kept, marked invalid, with the devices before the error. */
    public static HideList parse(String raw) {
        Set<PciAddress> devices = new TreeSet<>();
        Cursor c = new Cursor(raw);
        c.skipSpace();
        while (!c.atEnd()) {
            PciAddress a = entry(c);
            if (a == null) return new HideList(true, raw, false, devices);
            devices.add(a);
            c.skipSpace();
        }
        return new HideList(true, raw, true, devices);
    }

    /** One {@code ( ... )} entry, or null on any syntax or range error. */
    private static PciAddress entry(Cursor c) {
        if (!c.take('(')) return null;
        long a = c.number();
        if (a < 0 || !c.take(':')) return null;
        long b = c.number();
        if (b < 0) return null;
        long domain;
        long bus;
        long slot;
        long func;
        if (c.take(':')) {
            slot = c.number();
            if (slot < 0 || !c.take('.')) return null;
            func = c.number();
            domain = a;
            bus = b;
        } else if (c.take('.')) {
            func = c.number();
            domain = 0;
            bus = a;
            slot = b;
        } else {
            return null;
        }
        if (func < 0 || !c.take(')')) return null;
        if (domain > 0xffff || bus > 0xff || slot > 0x1f || func > 7) return null;
        return new PciAddress((int) domain, (int) bus, (int) slot, (int) func);
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        boolean take(char c) {
            if (peek() != c) return false;
            i++;
            return true;
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(s.charAt(i))) i++;
        }

        /** Optional whitespace then hex digits (at most 8), or -1 when there are none or too many. */
        long number() {
            skipSpace();
            int start = i;
            while (!atEnd() && Character.digit(s.charAt(i), 16) >= 0 && i - start < 8) i++;
            if (!atEnd() && Character.digit(s.charAt(i), 16) >= 0) return -1;
            return i == start ? -1 : Long.parseLong(s.substring(start, i), 16);
        }
    }
}
