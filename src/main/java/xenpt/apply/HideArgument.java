package xenpt.apply;

import java.util.Set;
import xenpt.desired.PciAddress;
import xenpt.plan.PciValues;

/**
 * Rewrites the {@code xen-pciback.hide} argument inside one region of a boot file line (the dom0 kernel arguments),
 * the way xen-cmdline's {@code --set-dom0} / {@code --delete-dom0} do: every existing {@code xen-pciback.hide}
 * argument is removed together with the whitespace before it, and for a non-empty set the new one is appended after
 * the last argument. Every other character of the line stays as it was (tabs, trailing {@code \r}, text outside the
 * region), so applying the rewrite twice gives the same line as applying it once.
 */
final class HideArgument {

    static final String KEY = "xen-pciback.hide";

    private HideArgument() {}

    /** {@code xen-pciback.hide=(dddd:bb:dd.f)…} for {@code after} (sorted), or {@code ""} for an empty set. */
    static String argument(Set<PciAddress> after) {
        return after.isEmpty() ? "" : KEY + "=" + PciValues.hideValue(after);
    }

    /**
     * @param from start of the dom0 arguments in {@code line} (just after the kernel path)
     * @param to   end of the dom0 arguments (the line's end, or the whitespace before extlinux's second {@code ---})
     */
    static String rewrite(String line, int from, int to, Set<PciAddress> after) {
        StringBuilder region = new StringBuilder();
        int kept = from;
        int i = from;
        while (i < to) {
            int wsStart = i;
            while (i < to && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= to) break;
            int start = i;
            i = tokenEnd(line, i, to);
            if (isHide(unquoted(line.substring(start, i)))) {
                region.append(line, kept, wsStart);
                kept = i;
            }
        }
        region.append(line, kept, to);
        int insert = region.length();
        while (insert > 0 && Character.isWhitespace(region.charAt(insert - 1))) insert--;
        if (!after.isEmpty()) region.insert(insert, " " + argument(after));
        return line.substring(0, from) + region + line.substring(to);
    }

    /** The end of the argument starting at {@code i}: the next whitespace outside double quotes (kernel next_arg). */
    private static int tokenEnd(String line, int i, int to) {
        boolean quoted = false;
        while (i < to) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (Character.isWhitespace(c) && !quoted) break;
            i++;
        }
        return i;
    }

    private static String unquoted(String token) {
        return token.replace("\"", "");
    }

    private static boolean isHide(String arg) {
        return arg.equals(KEY) || arg.startsWith(KEY + "=");
    }
}
