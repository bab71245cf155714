package xenpt.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.format.hide.HideList;

/**
 * Parser of a XenServer / XCP-ng {@code grub.cfg} (BIOS or UEFI, xen-facts §3.3), read in GRUB's logical lines
 * ({@link GrubScript}: CRLF read as LF, backslash-newline continuations joined). Each {@code menuentry} block is an
 * entry; its dom0 kernel line is the first {@code module2} (or {@code xen_module}) line after the
 * {@code multiboot2} (or {@code xen_hypervisor}) line, and its arguments are the words after the kernel path up to the
 * end of the command (a {@code ;}, {@code &&}, … ends it as a newline does). The
 * default entry is the first {@code set default=} whose value is not a variable ({@code $override_entry} only
 * applies when grubenv sets it), as an index or a title; GRUB's own default is entry 0.
 */
public final class GrubConfig {

    private static final Pattern MENUENTRY = Pattern.compile("\\s*menuentry\\s+(?:'([^']*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)).*");
    private static final Pattern SET_DEFAULT = Pattern.compile("\\s*set\\s+default=(?:'([^']*)'|\"([^\"]*)\"|(\\S*))\\s*");

    private GrubConfig() {}

    public static BootConfig parse(String path, String text) {
        List<BootConfig.Entry> entries = new ArrayList<>();
        for (Block b : blocks(text)) entries.add(b.entry());
        int index = defaultIndex(defaultValue(text), entries);
        HideList hide = entries.isEmpty() ? HideList.ABSENT : entries.get(index).hide();
        return new BootConfig(path, BootConfig.Format.GRUB, entries, index, hide);
    }

    /** Per menu entry in file order, its dom0 kernel line (the logical line), or empty when it has none. */
    public static List<Optional<GrubScript.Line>> dom0Lines(String text) {
        return blocks(text).stream().map(b -> Optional.ofNullable(b.dom0Line)).toList();
    }

    private static String defaultValue(String text) {
        boolean inBlock = false;
        for (GrubScript.Line l : GrubScript.lines(text)) {
            String line = l.text();
            Matcher d = SET_DEFAULT.matcher(line);
            if (!inBlock && d.matches()) {
                String v = first(d.group(1), d.group(2), d.group(3));
                if (!v.startsWith("$")) return v;
            }
            if (!inBlock && MENUENTRY.matcher(line).matches()) inBlock = true;
            else if (inBlock && line.strip().equals("}")) inBlock = false;
        }
        return null;
    }

    private static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Block block = null;
        for (GrubScript.Line l : GrubScript.lines(text)) {
            String line = l.text();
            String t = line.strip();
            Matcher m = MENUENTRY.matcher(line);
            if (block == null && m.matches()) {
                block = new Block(first(m.group(1), m.group(2), m.group(3)));
            } else if (block != null && t.equals("}")) {
                out.add(block);
                block = null;
            } else if (block != null) {
                block.line(l);
            }
        }
        if (block != null) out.add(block); // unterminated last block: keep what it says
        return out;
    }

    private static String first(String... options) {
        for (String o : options) if (o != null) return o;
        return "";
    }

    static int defaultIndex(String value, List<BootConfig.Entry> entries) {
        if (value == null || entries.isEmpty()) return 0;
        if (value.matches("\\d{1,6}")) {
            int i = Integer.parseInt(value);
            return i < entries.size() ? i : 0;
        }
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).title().equals(value)) return i;
        return 0;
    }

    /** The lines of one menuentry while it is read. */
    private static final class Block {
        private final String title;
        private boolean hypervisorSeen;
        private String dom0Args;
        private GrubScript.Line dom0Line;

        Block(String title) {
            this.title = title;
        }

        void line(GrubScript.Line l) {
            String t = l.text().strip();
            int end = GrubScript.separator(t);
            String[] words = (end < 0 ? t : t.substring(0, end)).strip().split("\\s+", 3);
            String keyword = words[0];
            if (keyword.equals("multiboot2") || keyword.equals("xen_hypervisor")) {
                hypervisorSeen = true;
            } else if (hypervisorSeen && dom0Args == null && (keyword.equals("module2") || keyword.equals("xen_module"))) {
                dom0Args = words.length > 2 ? words[2].strip() : "";
                dom0Line = l;
            }
        }

        BootConfig.Entry entry() {
            String args = dom0Args == null ? "" : dom0Args;
            return new BootConfig.Entry(title, args, KernelArgs.hideList(args));
        }
    }
}
