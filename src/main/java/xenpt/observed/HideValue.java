package xenpt.observed;

import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;

/**
 * Parser of a {@code xen-pciback.hide} value with the rules of Linux {@code pci_stub.c} (xen-facts §3.1): entries
 * {@code (dddd:bb:dd.f)} or {@code (bb:dd.f)} in hex, whitespace allowed around entries and before each number
 * (as {@code sscanf(" (%x:%x:%x.%x) %n")} allows). Any error makes the whole value invalid: the kernel then does
 * not register pciback at all. Wildcards ({@code *}) are treated as errors: newer kernels accept them but it is not
 * known whether the hosts' 4.19 kernel does, and xenpt never writes them, so flagging them is the safe side.
 */
public final class HideValue {

    private HideValue() {}

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
