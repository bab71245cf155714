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

    /** One diagnostic as a block of lines, each ending in a newline. */
    public static String format(Diagnostic d, SourceLines source) {
        StringBuilder s = new StringBuilder();
        if (d.location() != null) s.append(d.location()).append(": ");
        s.append(d.severity().label()).append(": ").append(d.message()).append('\n');
        Optional<String> line = d.where().filter(l -> l.line() > 0).flatMap(l -> source.line(l.file(), l.line()));
        String gutter = " ".repeat(line.isPresent() ? String.valueOf(d.location().line()).length() : 0);
        if (line.isPresent()) {
            Location at = d.location();
            s.append(gutter).append(" |\n");
            s.append(at.line()).append(" | ").append(line.get()).append('\n');
            if (at.column() > 0) s.append(gutter).append(" | ").append(caretPad(line.get(), at.column())).append("^\n");
        }
        if (d.hint() != null) s.append(gutter).append(" = ").append(d.hint()).append('\n');
        return s.toString();
    }

    /**
     * Blanks to put under the text before the 1-based code-point {@code column}: tabs stay tabs so the caret lines up
     * however the terminal expands them.
     */
    static String caretPad(String line, int column) {
        StringBuilder pad = new StringBuilder();
        int[] cps = line.codePoints().toArray();
        for (int i = 0; i < column - 1; i++) {
            pad.append(i < cps.length && cps[i] == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }
}
