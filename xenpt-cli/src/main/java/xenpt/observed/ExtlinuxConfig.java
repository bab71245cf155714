package xenpt.observed;

import java.util.ArrayList;
import java.util.List;
import xenpt.format.hide.HideList;

/**
 * Parser of XenServer 6.x {@code /boot/extlinux.conf} (xen-facts §3.4): each {@code label} starts an entry; its
 * {@code append} line is {@code <xen> <xen args> --- <kernel> <dom0 args> --- <initrd>}, and the dom0 arguments are
 * the words between the two {@code ---} markers after the kernel path. The default entry is the one named by
 * {@code default}, else the first.
 */
public final class ExtlinuxConfig {

    private ExtlinuxConfig() {}

    public static BootConfig parse(String path, String text) {
        List<BootConfig.Entry> entries = new ArrayList<>();
        String defaultLabel = null;
        String label = null;
        String args = "";
        for (String line : text.split("\n", -1)) {
            String[] words = line.strip().split("\\s+", 2);
            String keyword = words[0].toLowerCase(java.util.Locale.ROOT);
            String rest = words.length > 1 ? words[1].strip() : "";
            if (keyword.equals("label")) {
                if (label != null) entries.add(entry(label, args));
                label = rest;
                args = "";
            } else if (keyword.equals("default") && label == null) {
                defaultLabel = rest;
            } else if (keyword.equals("append") && label != null) {
                args = dom0Args(rest);
            }
        }
        if (label != null) entries.add(entry(label, args));
        int index = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).title().equals(defaultLabel)) {
                index = i;
                break;
            }
        }
        HideList hide = entries.isEmpty() ? HideList.ABSENT : entries.get(index).hide();
        return new BootConfig(path, BootConfig.Format.EXTLINUX, entries, index, hide);
    }

    private static BootConfig.Entry entry(String label, String args) {
        return new BootConfig.Entry(label, args, KernelArgs.hideList(args));
    }

    /** The dom0 arguments of an append line: between the first and second {@code ---}, without the kernel path. */
    static String dom0Args(String append) {
        String[] parts = (" " + append + " ").split("\\s---\\s", -1);
        if (parts.length < 2) return "";
        String[] kernelAndArgs = parts[1].strip().split("\\s+", 2);
        return kernelAndArgs.length > 1 ? kernelAndArgs[1].strip() : "";
    }
}
