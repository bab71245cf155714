package xenpt.diag;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Optional;

/**
 * Prints diagnostics the way a compiler does: {@code file:line:col: error: message}, then the source line with a
 * caret under the column, then the hint. Used by every command that reports diagnostics in text form.
 *
 * <pre>
 * hosts.yaml:7:5: error: unknown key 'adress' in hosts.wintermute
 *     |
 *   7 |     adress: 192.0.2.10
 *     |     ^
 *     = did you mean 'address'? expected one of: address, ssh, method, policy, hide, vms
 * </pre>
 */
public final class DiagnosticPrinter {

    /** A longer source line is shown as this many characters around the column, cut with an ellipsis. */
    static final int MAX_SHOWN = 160;

    private DiagnosticPrinter() {}

    /** Prints each diagnostic in its given order, separated by blank lines. */
    public static void print(PrintWriter w, Collection<Diagnostic> diagnostics, SourceLines source) {
        boolean first = true;
        for (Diagnostic d : diagnostics) {
            if (!first) w.println();
            w.print(format(d, source));
            first = false;
        }
        w.flush();
    }

    /**
     * One diagnostic as a block of lines, each ending in a newline. Everything that came from the user's file (the
     * location's name, keys quoted in the message, the source line) has its control characters escaped, so a file
     * cannot drive the terminal; the source line is already masked where it holds a secret (see {@link SourceLines}).
     */
    public static String format(Diagnostic d, SourceLines source) {
        StringBuilder s = new StringBuilder();
        if (d.location() != null) s.append(ControlChars.escape(d.location().toString())).append(": ");
        s.append(d.severity().label()).append(": ").append(ControlChars.escape(d.message())).append('\n');
        Optional<String> line = d.where().filter(l -> l.line() > 0).flatMap(l -> source.line(l.file(), l.line()));
        String gutter = " ".repeat(line.isPresent() ? String.valueOf(d.location().line()).length() : 0);
        if (line.isPresent()) {
            Location at = d.location();
            int[] cps = line.get().codePoints().toArray();
            int from = cps.length <= MAX_SHOWN ? 0 : Math.max(0, Math.min(at.column() - 1 - 60, cps.length - MAX_SHOWN));
            int to = Math.min(cps.length, from + MAX_SHOWN);
            String shown = (from > 0 ? "…" : "") + new String(cps, from, to - from) + (to < cps.length ? "…" : "");
            int column = at.column() - from + (from > 0 ? 1 : 0);
            s.append(gutter).append(" |\n");
            s.append(at.line()).append(" | ").append(ControlChars.escapeKeepingTabs(shown)).append('\n');
            if (at.column() > 0) s.append(gutter).append(" | ").append(caretPad(shown, column)).append("^\n");
        }
        if (d.hint() != null) s.append(gutter).append(" = ").append(ControlChars.escape(d.hint())).append('\n');
        return s.toString();
    }

    /**
     * Blanks to put under the text before the 1-based code-point {@code column} of the raw line, as wide as that text
     * is printed: tabs stay tabs so the caret lines up however the terminal expands them, and an escaped control
     * character takes the width of its escape.
     */
    static String caretPad(String line, int column) {
        StringBuilder pad = new StringBuilder();
        int[] cps = line.codePoints().toArray();
        for (int i = 0; i < column - 1; i++) {
            if (i < cps.length && cps[i] == '\t') pad.append('\t');
            else if (i < cps.length) pad.append(" ".repeat(ControlChars.escape(Character.toString(cps[i])).length()));
            else pad.append(' ');
        }
        return pad.toString();
    }
}
