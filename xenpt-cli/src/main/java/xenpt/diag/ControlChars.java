package xenpt.diag;

/**
 * The one escaper for text that xenpt did not write (VM names from a host, keys and values from a desired-state file)
 * before it reaches a terminal, a CI log or a Markdown comment: whoever can rename a VM must not be able to move the
 * cursor, recolour or rewrite log lines. Every view calls this; JSON escapes the same characters its own way.
 */
public final class ControlChars {

    private ControlChars() {}

    /**
     * Control characters made visible: a newline becomes {@code \n}; C0 and C1 controls and DEL become {@code \xNN};
     * Unicode line separators and bidirectional overrides, which reorder or break a terminal line, become
     * a backslash, u and four hex digits. Everything else, tabs included in {@link #escapeKeepingTabs}, is unchanged.
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Like {@link #escape(String)}, but tabs stay tabs (a source line whose caret must line up). */
    public static String escapeKeepingTabs(String text) {
        return escape(text, true);
    }

    /** Whether {@code c} would be escaped (tab counted as a control character). */
    public static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String escape(String text, boolean keepTabs) {
        if (text == null) return null;
        if (text.chars().noneMatch(ControlChars::isControl)) return text;
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') s.append("\\n");
            else if (c == '\t' && keepTabs) s.append(c);
            else if (c < 0x100 && isControl(c)) s.append(String.format("\\x%02x", (int) c));
            else if (isControl(c)) s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
        }
        return s.toString();
    }
}
