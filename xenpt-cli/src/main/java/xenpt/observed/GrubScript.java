package xenpt.observed;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code grub.cfg} cut into logical lines the way GRUB reads it. GRUB's line reader
 * ({@code grub_file_getline}, grub-core/normal/main.c) drops every carriage return, so a CRLF file reads like an LF
 * one; its lexer (grub-core/script/yylex.l) removes a backslash-newline outside single quotes and comments (a line
 * continuation: the next physical line belongs to the same command), keeps a newline inside quotes as part of the
 * word, and ends a command at an unquoted {@code ;}, {@code &}, {@code |}, {@code <} or {@code >} as well as at a
 * newline. Comments ({@code #} where a word may start) run to the end of the physical line and are left out.
 */
public final class GrubScript {

    /**
     * One logical line.
     *
     * @param first index of its first physical line (0-based)
     * @param last  index of its last physical line (greater than {@code first} after a continuation)
     * @param text  the line as GRUB's lexer sees it: no carriage returns, continuations and comments removed
     */
    public record Line(int first, int last, String text) {
        public Line {
            if (first < 0 || last < first) throw new IllegalArgumentException("bad line range " + first + ".." + last);
        }
    }

    private GrubScript() {}

    /** The logical lines of {@code text}, in file order; an empty last physical line gives no logical line. */
    public static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int physical = 0;
        int first = 0;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') continue;
            if (c == '\n') {
                physical++;
                comment = false;
                if (quote != 0) {
                    cur.append(c); // a quoted word spans lines (yylex.l MULTILINE)
                    continue;
                }
                out.add(new Line(first, physical - 1, cur.toString()));
                cur.setLength(0);
                first = physical;
            } else if (comment) {
                continue;
            } else if (c == '\\' && quote != '\'') {
                int next = skipCr(text, i + 1);
                if (next < text.length() && text.charAt(next) == '\n') {
                    physical++; // continuation: backslash and newline vanish, the command goes on
                } else {
                    cur.append(c).append(next < text.length() ? text.substring(next, next + 1) : "");
                }
                i = next; // past the end only when the skipped rest was carriage returns, which are dropped anyway
            } else if (quote == 0 && c == '#' && wordMayStart(cur)) {
                comment = true;
            } else {
                if (c == '\'' || c == '"') quote = quote == 0 ? c : quote == c ? 0 : quote;
                cur.append(c);
            }
        }
        if (!cur.isEmpty() || first < physical) out.add(new Line(first, Math.max(first, physical), cur.toString()));
        return out;
    }

    /**
     * The index in {@code text} (one logical line) of the first unquoted, unescaped command separator or
     * redirection ({@code ; & | < >}), or {@code -1}: what follows it is not an argument of this command.
     */
    public static int separator(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '\'') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            } else if (quote == 0 && ";&|<>".indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipCr(String text, int i) {
        while (i < text.length() && text.charAt(i) == '\r') i++;
        return i;
    }

    /** A {@code #} starts a comment only where a word may start (yylex.l COMMENT); inside a word it is a character. */
    private static boolean wordMayStart(StringBuilder cur) {
        if (cur.isEmpty()) return true;
        char prev = cur.charAt(cur.length() - 1);
        return prev == ' ' || prev == '\t' || ";&|<>{}".indexOf(prev) >= 0;
    }
}
