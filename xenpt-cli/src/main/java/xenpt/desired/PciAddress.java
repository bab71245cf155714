package xenpt.desired;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI function address, {@code dddd:bb:dd.f}. Accepted as {@code bb:dd.f} (domain 0) or {@code dddd:bb:dd.f},
 * any hex case; always printed in the full lower-case form that xapi and xen-cmdline expect.
 *
 * <p>Invariants: domain 0..ffff, bus 0..ff, device 0..1f, function 0..7.
 */
public record PciAddress(int domain, int bus, int device, int function) implements Comparable<PciAddress> {

    private static final Pattern FORM =
            Pattern.compile("(?:([0-9A-Fa-f]{1,4}):)?([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2})\\.([0-9A-Fa-f])");

    public PciAddress {
        check(domain, 0xffff, "domain");
        check(bus, 0xff, "bus");
        check(device, 0x1f, "device");
        check(function, 7, "function");
    }

    private static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + Integer.toHexString(v) + " is out of range 0.." + Integer.toHexString(max));
        }
    }

    /**
     * Parses {@code bb:dd.f} or {@code dddd:bb:dd.f}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is expected
     */
    public static PciAddress parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a PCI address; expected bb:dd.f or dddd:bb:dd.f in hex, e.g. 01:00.0");
        }
        int domain = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
        int bus = Integer.parseInt(m.group(2), 16);
        int device = Integer.parseInt(m.group(3), 16);
        int function = Integer.parseInt(m.group(4), 16);
        if (device > 0x1f) {
            throw new IllegalArgumentException("'" + text + "': device " + m.group(3) + " is out of range; expected 00..1f");
        }
        if (function > 7) {
            throw new IllegalArgumentException("'" + text + "': function " + m.group(4) + " is out of range; expected 0..7");
        }
        return new PciAddress(domain, bus, device, function);
    }

    public static Optional<PciAddress> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when both are functions of the same physical device (same domain, bus and device). */
    public boolean sameSlot(PciAddress other) {
        return domain == other.domain && bus == other.bus && device == other.device;
    }

    /** {@code bb:dd.f}, the form lspci prints without {@code -D}. */
    public String shortForm() {
        return toString().substring(5);
    }

    @Override
    public int compareTo(PciAddress o) {
        int c = Integer.compare(domain, o.domain);
        if (c == 0) c = Integer.compare(bus, o.bus);
        if (c == 0) c = Integer.compare(device, o.device);
        return c != 0 ? c : Integer.compare(function, o.function);
    }

    /** {@code dddd:bb:dd.f}, lower case. (Hand-formatted: plans print and compare addresses by the million.) */
    @Override
    public String toString() {
        char[] c = new char[12];
        hex(c, 0, domain, 4);
        c[4] = ':';
        hex(c, 5, bus, 2);
        c[7] = ':';
        hex(c, 8, device, 2);
        c[10] = '.';
        hex(c, 11, function, 1);
        return new String(c);
    }

    private static void hex(char[] into, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            into[at + i] = Character.forDigit(value & 0xf, 16);
            value >>>= 4;
        }
    }
}
