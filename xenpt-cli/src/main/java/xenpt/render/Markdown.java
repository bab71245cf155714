package xenpt.render;

import xenpt.diag.ControlChars;

/**
 * Text from hosts and files made safe for a pull-request comment: a VM named {@code x](https://evil)} or
 * {@code <img src=…>} must show as text, not as a link, an image or a broken table.
 */
public final class Markdown {

    private Markdown() {}

    /**
     * Text safe inside a table cell or list item: Markdown's punctuation ({@code \ ` * _ [ ] ~ |}) escaped with a
     * backslash, HTML disarmed, line breaks flattened, other control characters escaped ({@link ControlChars}).
     */
    public static String cell(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '~', '|' -> s.append('\\').append(c);
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '\r', '\n' -> s.append(' ');
                default -> s.append(ControlChars.isControl(c) ? ControlChars.escape(String.valueOf(c)) : String.valueOf(c));
            }
        }
        return s.toString();
    }

    /** A code span; a backtick inside cannot close it early (it becomes {@code '}), a pipe cannot split a table. */
    public static String code(String text) {
        if (text == null) return "—";
        return "`" + ControlChars.escape(text.replace("`", "'").replace("|", "\\|").replace("\r", " ").replace("\n", " "))
                + "`";
    }

    /**
     * Opens a collapsible section: {@code <details><summary>text</summary>} and the blank line after it, without which
     * GitHub shows the Markdown inside as plain text. The caller closes it with {@code </details>} after a blank line.
     * The text is HTML-escaped (Markdown is not rendered inside the summary).
     */
    static String summary(String text, boolean open) {
        String html = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<details" + (open ? " open" : "") + "><summary>" + ControlChars.escape(html) + "</summary>\n\n";
    }
}
