package xenpt.apply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideArgument;
import xenpt.observed.BootConfig;
import xenpt.observed.ExtlinuxConfig;

/**
 * The hide-list edit of a XenServer 6.x {@code /boot/extlinux.conf}: in the {@code append} line of the default label
 * and of {@code xe-serial} (the two entries xen-cmdline edits), the dom0 part
 * ({@code --- <kernel> <dom0 args> ---}) loses every {@code xen-pciback.hide} argument and gets the new one after its
 * last argument. The Xen part, the initrd part and every other line stay byte for byte. The default label is the one
 * the observer reports ({@link ExtlinuxConfig}).
 */
final class ExtlinuxEdit {

    static final String SERIAL_LABEL = "xe-serial";

    /** extlinux's separator between the Xen, dom0 kernel and initrd parts of mboot.c32's append line. */
    private static final Pattern MARKER = Pattern.compile("\\s---(?=\\s|$)");

    private ExtlinuxEdit() {}

    /**
     * @return {@code text} with the default label's (and {@code xe-serial}'s) hide list set to exactly {@code after}
     * @throws IllegalArgumentException when there is no label, or the default label has no dom0 part
     */
    static String withHide(String text, Set<PciAddress> after) {
        BootConfig config = ExtlinuxConfig.parse("extlinux.conf", text);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<Integer> appendLines = appendLines(lines);
        if (config.entries().isEmpty() || appendLines.size() != config.entries().size()) {
            throw new IllegalArgumentException("no label found");
        }
        int def = config.defaultIndex();
        String label = config.entries().get(def).title();
        if (appendLines.get(def) < 0) {
            throw new IllegalArgumentException("the default label '" + label + "' has no append line");
        }
        for (int i = 0; i < appendLines.size(); i++) {
            boolean serial = config.entries().get(i).title().equals(SERIAL_LABEL);
            int at = appendLines.get(i);
            if ((i == def || serial) && at >= 0) lines.set(at, rewrite(lines.get(at), after, config.entries().get(i).title()));
        }
        return String.join("\n", lines);
    }

    private static String rewrite(String line, Set<PciAddress> after, String label) {
        Matcher first = MARKER.matcher(line);
        if (!first.find()) throw new IllegalArgumentException("label '" + label + "': the append line has no ' --- ' before the dom0 kernel");
        int from = first.end();
        while (from < line.length() && Character.isWhitespace(line.charAt(from))) from++;
        int kernelStart = from;
        while (from < line.length() && !Character.isWhitespace(line.charAt(from))) from++;
        if (from == kernelStart) throw new IllegalArgumentException("label '" + label + "': the append line names no dom0 kernel");
        Matcher second = MARKER.matcher(line);
        int to = second.find(from) ? second.start() : line.length();
        return HideArgument.rewrite(line, from, to, after);
    }

    /** Per label in file order, the index of its (last) {@code append} line or -1, as {@link ExtlinuxConfig} reads it. */
    static List<Integer> appendLines(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String keyword = lines.get(i).strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (keyword.equals("label")) out.add(-1);
            else if (keyword.equals("append") && !out.isEmpty()) out.set(out.size() - 1, i);
        }
        return out;
    }
}
