package xenpt.desired;

import java.util.regex.Pattern;

/** A PCI identity, {@code vendor:device} as {@code lspci -nn} prints it, e.g. {@code 1002:515e}. */
public record PciId(int vendor, int device) {

    private static final Pattern FORM = Pattern.compile("[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}");

    public PciId {
        if (vendor < 0 || vendor > 0xffff || device < 0 || device > 0xffff) {
            throw new IllegalArgumentException("PCI id out of range: " + vendor + ":" + device);
        }
    }

    /** @throws IllegalArgumentException saying what is expected */
    public static PciId parse(String text) {
        String t = text.strip();
        if (!FORM.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a PCI id; expected vvvv:dddd (4 hex digits each), e.g. 1002:515e");
        }
        return new PciId(Integer.parseInt(t.substring(0, 4), 16), Integer.parseInt(t.substring(5), 16));
    }

    @Override
    public String toString() {
        return String.format("%04x:%04x", vendor, device);
    }
}
