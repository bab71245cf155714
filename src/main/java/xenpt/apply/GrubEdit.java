package xenpt.apply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;
import xenpt.observed.BootConfig;
import xenpt.observed.GrubConfig;

/**
 * The hide-list edit of a {@code grub.cfg} (BIOS or UEFI; {@code multiboot2}/{@code module2} or
 * {@code xen_hypervisor}/{@code xen_module}), as xen-cmdline makes it for the entries it labels {@code xe} and
 * {@code xe-serial}: on the dom0 kernel line (the first {@code module2} after {@code multiboot2}) of the default entry
 * and of its serial twin (title {@code "<default title> (Serial)"}), every {@code xen-pciback.hide} argument is removed
 * and the new one appended at the end of the line. Unlike xen-cmdline, nothing else of the file changes, byte for byte.
 * The default entry is the one the observer reports ({@link GrubConfig}), so what is edited is what was observed.
 */
final class GrubEdit {

    private static final Pattern MENUENTRY = Pattern.compile("\\s*menuentry\\s+(?:'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\S+).*");
    private static final Pattern DOM0_LINE = Pattern.compile("(\\s*(?:module2|xen_module)\\s+\\S+).*", Pattern.DOTALL);

    private GrubEdit() {}

    /**
     * @return {@code text} with the default entry's (and its serial twin's) hide list set to exactly {@code after}
     * @throws IllegalArgumentException when the file has no menu entry, or the default entry has no dom0 kernel line
     */
    static String withHide(String text, Set<PciAddress> after) {
        BootConfig config = GrubConfig.parse("grub.cfg", text);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<Integer> dom0Lines = dom0Lines(lines);
        if (config.entries().isEmpty() || dom0Lines.size() != config.entries().size()) {
            throw new IllegalArgumentException("no menuentry found");
        }
        int def = config.defaultIndex();
        String title = config.entries().get(def).title();
        if (dom0Lines.get(def) < 0) {
            throw new IllegalArgumentException("the default entry '" + title + "' has no dom0 kernel line (module2 after multiboot2)");
        }
        for (int i = 0; i < dom0Lines.size(); i++) {
            boolean twin = config.entries().get(i).title().equals(title + " (Serial)");
            int at = dom0Lines.get(i);
            if ((i == def || twin) && at >= 0) lines.set(at, rewrite(lines.get(at), after));
        }
        return String.join("\n", lines);
    }

    private static String rewrite(String line, Set<PciAddress> after) {
        Matcher m = DOM0_LINE.matcher(line);
        if (!m.matches()) throw new IllegalArgumentException("dom0 kernel line without a kernel path: " + line.strip());
        return HideArgument.rewrite(line, m.end(1), line.length(), after);
    }

    /**
     * Per menu entry in file order, the index of its dom0 kernel line or -1; blocks are found with the same rules
     * as {@link GrubConfig} (a {@code menuentry} line opens one, a line {@code }} closes it).
     */
    static List<Integer> dom0Lines(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        boolean inBlock = false;
        boolean hypervisorSeen = false;
        int dom0 = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (!inBlock && MENUENTRY.matcher(lines.get(i)).matches()) {
                inBlock = true;
                hypervisorSeen = false;
                dom0 = -1;
            } else if (inBlock && t.equals("}")) {
                out.add(dom0);
                inBlock = false;
            } else if (inBlock) {
                String keyword = t.split("\\s+", 2)[0];
                if (keyword.equals("multiboot2") || keyword.equals("xen_hypervisor")) {
                    hypervisorSeen = true;
                } else if (hypervisorSeen && dom0 < 0 && (keyword.equals("module2") || keyword.equals("xen_module"))) {
                    dom0 = i;
                }
            }
        }
        if (inBlock) out.add(dom0);
        return out;
    }
}
