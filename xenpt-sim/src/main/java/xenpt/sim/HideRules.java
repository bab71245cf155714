package xenpt.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the Linux xen-pciback driver reads {@code xen-pciback.hide=} (pci_stub.c {@code pcistub_init}, xen-facts §3.1):
 * consecutive {@code (dddd:bb:dd.f)} or {@code (bb:dd.f)} entries, hex numbers of any width, whitespace around entries
 * allowed. Any entry that does not parse, or is out of range, makes the driver fail to register. Wildcards
 * ({@code .*}) are refused: older copies of the parser lack them and it is unknown whether the XenServer 4.19 kernel
 * has them, so the simulator takes the side that exposes the mistake.
 */
final class HideRules {

    private HideRules() {}

    /** The hidden slots ({@code %04x:%02x:%02x.%d}), or empty when pciback would not load. */
    static Optional<List<String>> parse(String value) {
        Walk w = walk(value);
        return w.failedAt() < 0 ? Optional.of(w.slots()) : Optional.empty();
    }

    /** Where the parse stops ({@code pos} of pci_stub.c's message {@code Error parsing pci_devs_to_hide at}), or -1. */
    static int failureAt(String value) {
        return walk(value).failedAt();
    }

    /** The slots read before the parse stopped, and where it stopped (-1: it read the whole value). */
    private record Walk(List<String> slots, int failedAt) {}

    private static Walk walk(String value) {
        List<String> slots = new ArrayList<>();
        int pos = 0;
        while (pos < value.length()) {
            int[] nums = new int[4];
            int next = entry(value, pos, nums, true);
            if (next < 0) {
                nums[0] = 0;
                next = entry(value, pos, nums, false);
            }
            boolean bad = next < 0 || nums[0] > 0xffff || nums[1] > 0xff || nums[2] > 0x1f || nums[3] > 7;
            if (bad) return new Walk(slots, pos);
            slots.add(String.format("%04x:%02x:%02x.%d", nums[0], nums[1], nums[2], nums[3]));
            pos = next;
        }
        return new Walk(slots, -1);
    }

    /** sscanf {@code " (%x:%x:%x.%x) %n"} (or the 3-number form): the index after the entry, or -1. */
    private static int entry(String s, int pos, int[] nums, boolean withDomain) {
        int i = skipSpace(s, pos);
        if (i >= s.length() || s.charAt(i) != '(') return -1;
        i++;
        char[] seps = withDomain ? new char[] {':', ':', '.', ')'} : new char[] {':', '.', ')'};
        for (int k = 0; k < seps.length; k++) {
            int start = skipSpace(s, i);
            if (s.startsWith("0x", start) || s.startsWith("0X", start)) start += 2;
            int end = start;
            while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) end++;
            if (end == start || end - start > 7) return -1;
            nums[withDomain ? k : k + 1] = Integer.parseInt(s.substring(start, end), 16);
            if (end >= s.length() || s.charAt(end) != seps[k]) return -1;
            i = end + 1;
        }
        return skipSpace(s, i);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
