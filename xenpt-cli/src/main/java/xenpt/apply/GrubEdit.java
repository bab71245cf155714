package xenpt.apply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideArgument;
import xenpt.observed.BootConfig;
import xenpt.observed.GrubConfig;
import xenpt.observed.GrubScript;

/**
 * The hide-list edit of a {@code grub.cfg} (BIOS or UEFI; {@code multiboot2}/{@code module2} or
 * {@code xen_hypervisor}/{@code xen_module}), as xen-cmdline makes it for the entries it labels {@code xe} and
 * {@code xe-serial}: on the dom0 kernel line (the first {@code module2} after {@code multiboot2}) of the default entry
 * and of its serial twin (title {@code "<default title> (Serial)"}), every {@code xen-pciback.hide} argument is removed
 * and the new one appended at the end of the line. Unlike xen-cmdline, nothing else of the file changes, byte for byte.
 * The default entry is the one the observer reports ({@link GrubConfig}), so what is edited is what was observed.
 *
 * <p>Lines are GRUB's logical lines ({@link GrubScript}): a kernel line continued with a backslash is edited as one
 * line (the new argument goes after the last word of its last physical line), CRLF line endings stay as they were. A
 * kernel line that holds a command separator ({@code ;}, {@code &&}, {@code ||}, …) or a continuation inside a word is
 * refused: where GRUB's command ends there is not what a kernel line editor can safely decide.
 */
final class GrubEdit {

    private static final Pattern DOM0_HEAD = Pattern.compile("([ \\t]*(?:module2|xen_module)[ \\t]+[^\\s\\\\]\\S*).*", Pattern.DOTALL);

    private GrubEdit() {}

    static String withHide(String text, Set<PciAddress> after) {
        return withHide("grub.cfg", text, after);
    }

    /**
     * @param path for messages ({@code path:line})
     * @return {@code text} with the default entry's (and its serial twin's) hide list set to exactly {@code after}
     * @throws IllegalArgumentException when the file has no menu entry, the default entry has no dom0 kernel line, or
     *     a line to edit is one xenpt refuses (message names {@code path:line})
     */
    static String withHide(String path, String text, Set<PciAddress> after) {
        BootConfig config = GrubConfig.parse(path, text);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<Optional<GrubScript.Line>> dom0Lines = GrubConfig.dom0Lines(text);
        if (config.entries().isEmpty() || dom0Lines.size() != config.entries().size()) {
            throw new IllegalArgumentException("no menuentry found");
        }
        int def = config.defaultIndex();
        String title = config.entries().get(def).title();
        if (dom0Lines.get(def).isEmpty()) {
            throw new IllegalArgumentException("the default entry '" + title + "' has no dom0 kernel line (module2 after multiboot2)");
        }
        List<GrubScript.Line> edits = new ArrayList<>();
        for (int i = 0; i < dom0Lines.size(); i++) {
            boolean twin = config.entries().get(i).title().equals(title + " (Serial)");
            if (i == def || twin) dom0Lines.get(i).ifPresent(edits::add);
        }
        // From the end of the file, so that a rewrite that joins physical lines does not move the ones still to do.
        edits.sort((a, b) -> Integer.compare(b.first(), a.first()));
        for (GrubScript.Line l : edits) {
            String raw = String.join("\n", lines.subList(l.first(), l.last() + 1));
            String rewritten = rewrite(path, l, raw, after);
            lines.subList(l.first(), l.last() + 1).clear();
            lines.addAll(l.first(), Arrays.asList(rewritten.split("\n", -1)));
        }
        return String.join("\n", lines);
    }

    /** {@code raw}: the physical lines of the logical line {@code l}, joined with their newlines. */
    private static String rewrite(String path, GrubScript.Line l, String raw, Set<PciAddress> after) {
        String where = path + ":" + (l.first() + 1) + ": ";
        int sep = GrubScript.separator(l.text());
        if (sep >= 0) {
            char c = l.text().charAt(sep);
            String op = sep + 1 < l.text().length() && l.text().charAt(sep + 1) == c ? "" + c + c : "" + c;
            throw new IllegalArgumentException(where + "the dom0 kernel line holds an unquoted '" + op + "' (GRUB ends the"
                    + " command there, so an argument appended to the line would not reach the kernel); put the next"
                    + " command on a line of its own");
        }
        String[] physical = raw.split("\n", -1);
        for (int i = 0; i < physical.length - 1; i++) {
            String p = physical[i].endsWith("\r") ? physical[i].substring(0, physical[i].length() - 1) : physical[i];
            if (!p.endsWith("\\") || p.length() < 2 || !Character.isWhitespace(p.charAt(p.length() - 2))) {
                throw new IllegalArgumentException(path + ":" + (l.first() + i + 1) + ": the dom0 kernel line is"
                        + " continued inside a word (a backslash-newline not after a space); join the line by hand");
            }
        }
        Matcher m = DOM0_HEAD.matcher(physical[0]);
        if (!m.matches()) throw new IllegalArgumentException(where + "the dom0 kernel line names no kernel path on its first line");
        return HideArgument.rewrite(raw, m.end(1), commentStart(raw), after);
    }

    /** Where a trailing {@code # comment} starts in {@code raw} (outside quotes, where a word may start), or its end. */
    private static int commentStart(String raw) {
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && quote != '\'') i++;
            else if (c == '\'' || c == '"') quote = quote == 0 ? c : quote == c ? 0 : quote;
            else if (c == '#' && quote == 0 && i > 0 && Character.isWhitespace(raw.charAt(i - 1))) return i;
        }
        return raw.length();
    }
}
