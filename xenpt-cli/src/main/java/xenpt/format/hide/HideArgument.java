package xenpt.format.hide;

import java.util.Set;
import xenpt.desired.PciAddress;

/**
 * Rewrites the {@code xen-pciback.hide} argument inside one region of a boot file line (the dom0 kernel arguments),
 * the way xen-cmdline's {@code --set-dom0} / {@code --delete-dom0} do: every existing {@code xen-pciback.hide}
 * argument is removed together with the whitespace before it, and for a non-empty set the new one is appended after
 * the last argument. Every other character of the line stays as it was (tabs, trailing {@code \r}, text outside the
 * region), so applying the rewrite twice gives the same line as applying it once. A region may span several physical
 * lines joined by GRUB line continuations (backslash, optional {@code \r}, newline); a continuation counts as
 * whitespace between arguments, so the new argument goes after the last word of the last physical line.
 */
public final class HideArgument {

    private HideArgument() {}

    /**
     * @param from start of the dom0 arguments in {@code line} (just after the kernel path)
     * @param to   end of the dom0 arguments (the line's end, or the whitespace before extlinux's second {@code ---})
     */
    public static String rewrite(String line, int from, int to, Set<PciAddress> after) {
        StringBuilder region = new StringBuilder();
        int kept = from;
        int i = from;
        while (i < to) {
            int wsStart = i;
            while (i < to && blank(line, i, to) > 0) i += blank(line, i, to);
            if (i >= to) break;
            int start = i;
            i = tokenEnd(line, i, to);
            if (HideValue.isArgument(unquoted(line.substring(start, i)))) {
                region.append(line, kept, wsStart);
                kept = i;
            }
        }
        region.append(line, kept, to);
        int insert = region.length();
        while (insert > 0 && blank(region, insert - 1, region.length()) > 0) insert--;
        if (!after.isEmpty()) region.insert(insert, " " + HideValue.argument(after));
        return line.substring(0, from) + region + line.substring(to);
    }

    /** The end of the argument starting at {@code i}: the next whitespace outside double quotes (kernel next_arg). */
    private static int tokenEnd(String line, int i, int to) {
        boolean quoted = false;
        while (i < to) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && blank(line, i, to) > 0) break;
            i++;
        }
        return i;
    }

    /** The length of the whitespace character or GRUB line continuation at {@code i} (before {@code to}), else 0. */
    private static int blank(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) return 1;
        if (c != '\\') return 0;
        int j = i + 1;
        while (j < to && s.charAt(j) == '\r') j++;
        return j < to && s.charAt(j) == '\n' ? j + 1 - i : 0;
    }

    private static String unquoted(String token) {
        return token.replace("\"", "");
    }
}
