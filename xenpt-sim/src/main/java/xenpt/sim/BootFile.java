package xenpt.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's own reading of a boot configuration (GRUB2 {@code grub.cfg} or XenServer 6.x
 * {@code extlinux.conf}, xen-facts §3): its menu entries with the label xen-cmdline gives them, the default entry,
 * and where each entry's dom0 kernel arguments are. Edits replace only the argument text of one line, so every other
 * byte of the file stays as it was.
 */
final class BootFile {

    /** Boot files in the order python-libs' {@code Bootloader.loadExisting} looks for them. */
    static final List<String> LOCATIONS = List.of(
            "/boot/efi/EFI/xenserver/grub.cfg", "/boot/grub/grub.cfg", "/boot/grub2/grub.cfg", "/boot/extlinux.conf");

    /**
     * One menu entry. {@code line} is the index of the line holding the dom0 kernel arguments ({@code -1} if none),
     * {@code end} the last physical line of that command (GRUB joins a line ending in a backslash with the next one:
     * grub-core/script/yylex.l; its reader drops carriage returns: grub_file_getline); the command, joined and
     * without carriage returns, is {@code head + args}, and {@code tail} is what ends its last line ({@code "\r"} or "").
     */
    record Entry(String title, String label, int line, int end, String head, String args, String tail) {

        List<String> argWords() {
            return args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
        }
    }

    private static final Pattern MENUENTRY = Pattern.compile("^\\s*menuentry\\s+(?:'([^']*)'|\"([^\"]*)\")");
    private static final Pattern DOM0_LINE = Pattern.compile("^(\\s*(?:module2|xen_module|module)\\s+\\S+)(.*)$");
    private static final Pattern APPEND = Pattern.compile("^(\\s*append\\s.*?---\\s+\\S+)(.*?)(\\s+---\\s.*)?$");

    private final List<String> lines;
    private final List<Entry> entries;
    private final String defaultRef;
    private final boolean extlinux;

    private BootFile(List<String> lines, List<Entry> entries, String defaultRef, boolean extlinux) {
        this.lines = lines;
        this.entries = List.copyOf(entries);
        this.defaultRef = defaultRef;
        this.extlinux = extlinux;
    }

    static BootFile parse(String path, String text, String brand) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        return path.endsWith("extlinux.conf") ? extlinux(lines) : grub(lines, brand);
    }

    List<Entry> entries() {
        return entries;
    }

    boolean isExtlinux() {
        return extlinux;
    }

    /** The entry that boots: {@code set default=} (an index, title or label; 0 when unset) or extlinux {@code default}. */
    Optional<Entry> defaultEntry() {
        String ref = defaultRef.replace("'", "").replace("\"", "");
        if (ref.matches("\\d+")) {
            int i = Integer.parseInt(ref);
            return i < entries.size() ? Optional.of(entries.get(i)) : Optional.empty();
        }
        return entries.stream().filter(e -> e.label().equals(ref) || e.title().equals(ref)).findFirst();
    }

    /** The whole file with {@code entry}'s dom0 arguments replaced by {@code args} (one space between words). */
    String withArgs(Entry entry, List<String> args) {
        List<String> out = new ArrayList<>(lines);
        String joined = args.isEmpty() ? "" : " " + String.join(" ", args);
        out.subList(entry.line() + 1, entry.end() + 1).clear();
        out.set(entry.line(), entry.head() + joined + entry.tail());
        return String.join("\n", out);
    }

    private static BootFile grub(List<String> lines, String brand) {
        List<Entry> entries = new ArrayList<>();
        String dflt = "0";
        boolean sawDefault = false;
        int ifDepth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("if ")) ifDepth++;
            else if (t.equals("fi")) ifDepth--;
            else if (t.startsWith("set default=") && ifDepth == 0 && !sawDefault && entries.isEmpty()) {
                dflt = t.substring("set default=".length());
                sawDefault = true;
            }
            Matcher m = MENUENTRY.matcher(lines.get(i));
            if (!m.find()) continue;
            String title = m.group(1) != null ? m.group(1) : m.group(2);
            Entry e = new Entry(title, grubLabel(title, brand), -1, -1, "", "", "");
            for (int j = i + 1; j < lines.size() && !lines.get(j).trim().equals("}"); j++) {
                int end = j;
                String command = withoutCr(lines.get(j));
                while (command.endsWith("\\") && end + 1 < lines.size()) {
                    command = command.substring(0, command.length() - 1) + withoutCr(lines.get(++end));
                }
                Matcher k = DOM0_LINE.matcher(command);
                if (k.matches()) {
                    e = new Entry(title, e.label(), j, end, k.group(1), k.group(2), lines.get(end).endsWith("\r") ? "\r" : "");
                    break;
                }
                j = end;
            }
            entries.add(e);
        }
        return new BootFile(lines, entries, dflt, false);
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** python-libs' {@code create_label}: which entries xen-cmdline edits ({@code xe}, {@code xe-serial}). */
    static String grubLabel(String title, String brand) {
        if (title.equals(brand)) return "xe";
        if (title.endsWith("(Serial)")) return "xe-serial";
        if (title.endsWith("Safe Mode")) return "safe";
        if (title.contains(" / ")) return title.contains("Serial") ? "fallback-serial" : "fallback";
        if (title.endsWith("(Trusted Boot)")) return "xe-tboot";
        return title;
    }

    private static BootFile extlinux(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        String dflt = "0";
        String label = null;
        String title = "";
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("default ") && label == null) dflt = t.substring(8).trim();
            if (t.startsWith("label ")) {
                label = t.substring(6).trim();
                title = label;
                entries.add(new Entry(title, label, -1, -1, "", "", ""));
            } else if (label != null && t.startsWith("# ")) {
                title = t.substring(2);
            } else if (label != null && t.startsWith("append ")) {
                Matcher m = APPEND.matcher(withoutCr(lines.get(i)));
                if (m.matches()) {
                    String tail = (m.group(3) == null ? "" : m.group(3)) + (lines.get(i).endsWith("\r") ? "\r" : "");
                    entries.set(entries.size() - 1, new Entry(title, label, i, i, m.group(1), m.group(2), tail));
                }
            }
        }
        return new BootFile(lines, entries, dflt, true);
    }
}
