package xenpt.desired.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import xenpt.diag.ControlChars;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

/**
 * Bytes to text, before the YAML library sees them: strict UTF-8, no control characters, no line longer than
 * {@value #MAX_LINE_CHARS} characters. Each refusal names its {@code file:line:col}, computed here from the bytes,
 * because snakeyaml reports these problems without a position (or, for a huge line, only after quadratic work).
 */
final class TextCheck {

    /** No desired-state line needs more; snakeyaml's scanner is quadratic in the length of one token. */
    static final int MAX_LINE_CHARS = 65_536;

    private TextCheck() {}

    /** The text of {@code content}, without a leading byte-order mark. */
    static String decode(String file, byte[] content) throws NodeConverter.Refused {
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            throw refused(new Location(file, 1, 1), "file is UTF-16 or UTF-32 (it starts with a byte-order mark); "
                    + "expected UTF-8", "convert it, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            String bytes = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase()
                    .formatHex(content, at, Math.min(content.length, at + Math.max(1, r.length())));
            throw refused(locate(file, out.flip(), out.limit()), "invalid UTF-8: byte " + bytes
                            + " (a Latin-1 or other non-UTF-8 character, or a malformed, overlong or surrogate sequence)",
                    "save the file as UTF-8, e.g. iconv -f LATIN1 -t UTF-8 FILE > FILE.utf8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        check(file, text);
        return text;
    }

    /** Refuses a control character (other than tab and line breaks) or an overlong line, at its position. */
    private static void check(String file, String text) throws NodeConverter.Refused {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && c != '\t' && (c < 0xa0 && ControlChars.isControl(c) || c == 0xFFFE
                    || c == 0xFFFF)) {
                throw refused(new Location(file, line, column), "control character "
                                + String.format("U+%04X", c) + " (" + ControlChars.escape(Character.toString(c))
                                + ") is not allowed in a YAML file",
                        "remove it; inside a double-quoted string an escape such as \\t or \\u0007 may be written instead");
            } else if (++column > MAX_LINE_CHARS + 1) {
                throw refused(new Location(file, line, 1), "line " + line + " is longer than " + MAX_LINE_CHARS
                        + " characters", "no value in a desired-state file needs that much; a value this long is refused");
            }
            i += Character.charCount(c);
        }
    }

    /** The position after the first {@code end} chars of {@code text}, as YAML counts lines (LF, CRLF or CR). */
    static Location locate(String file, CharSequence text, int end) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (i == 0 && c == '\uFEFF') continue;
            if (c == '\n' || (c == '\r' && (i + 1 >= end || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private static NodeConverter.Refused refused(Location at, String message, String hint) {
        return new NodeConverter.Refused(Diagnostic.error(at, message, hint));
    }
}
