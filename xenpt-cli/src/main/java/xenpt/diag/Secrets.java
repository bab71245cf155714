package xenpt.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in source lines before a diagnostic prints one: the value of every key that looks like a secret
 * (password or a misspelling of it, passphrase, secret, token, private key, API key, credential; {@code passwordEnv}
 * too, where a password is often written by mistake), in block and flow style, the body of a block scalar under such a key, and every line of
 * a PEM private key. A CI log then never holds the secret, whatever the diagnostic is about. The scan is linear in
 * the line (hostile files have long lines); a line longer than {@value #MAX_SCANNED_LINE} characters is masked whole.
 */
public final class Secrets {

    static final String MASK = "****";

    private static final Pattern WORD =
            Pattern.compile("(?i)pa?s+w|pwd|secret|token|private|api[_-]?key|credential");
    private static final Pattern BLOCK_SCALAR = Pattern.compile("[|>][-+0-9]*\\s*(#.*)?");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** How far a key may extend around its secret word, e.g. {@code sshPasswordForRoot}. */
    private static final int MAX_KEY_AROUND = 64;
    private static final int MAX_SCANNED_LINE = 4096;

    /**
     * In a command line: the value after a secret key and {@code =} or {@code :} ({@code password=x},
     * {@code --api-token=x}), or after a secret option word ({@code --password x}). Key lengths are bounded, so the
     * scan stays linear in the text.
     */
    private static final Pattern COMMAND_SECRET = Pattern.compile("(?i)(?<![\\w.-])("
            + "[\\w.-]{0,64}(?:" + WORD.pattern() + ")[\\w.-]{0,64}\\s*[=:]\\s*"
            + "|-{1,2}[\\w-]{0,64}(?:" + WORD.pattern() + ")[\\w-]{0,64}\\s+)"
            + "('[^']*'|\"[^\"]*\"|[^\\s,;]+)");

    private Secrets() {}

    /**
     * A command line (or script) as {@code --verbose} prints it: every line's secret values masked as in a source
     * line, and the values of secret keys and options in shell words ({@code password=x}, {@code --token x}).
     */
    public static String maskCommand(String text) {
        String yamlMasked = String.join("\n", mask(text.lines().toList()));
        return COMMAND_SECRET.matcher(yamlMasked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /** Whether a key's name says that its value is a secret, e.g. {@code password} or {@code apiToken}. */
    public static boolean isSecretKey(String key) {
        return WORD.matcher(key).find();
    }

    /** The lines with every secret value replaced by {@value #MASK}. */
    static List<String> mask(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int blockIndent = -1; // inside a block scalar under a secret key: the key's indentation, else -1
        boolean pem = false;
        for (String line : lines) {
            int indent = indent(line);
            if (blockIndent >= 0 && (line.isBlank() || indent > blockIndent)) {
                out.add(line.isBlank() ? line : " ".repeat(indent) + MASK);
                continue;
            }
            blockIndent = -1;
            if (pem || PEM.matcher(line).find()) {
                pem = !(line.contains("-----END") && line.contains("PRIVATE KEY-----"));
                out.add(" ".repeat(indent) + MASK);
                continue;
            }
            if (line.length() > MAX_SCANNED_LINE) {
                // Not a line a person wrote; not worth a scan of megabytes for a secret word either.
                out.add(" ".repeat(Math.min(indent, 80)) + MASK);
                continue;
            }
            StringBuilder masked = new StringBuilder();
            if (maskLine(line, masked)) blockIndent = indent;
            out.add(masked.toString());
        }
        return out;
    }

    /** Appends {@code line} with the values of its secret keys masked; true when such a key opens a block scalar. */
    private static boolean maskLine(String line, StringBuilder out) {
        Matcher w = WORD.matcher(line);
        int copied = 0;
        int from = 0;
        boolean blockScalar = false;
        int lead = 0; // the key of a block mapping starts after indentation and sequence dashes
        while (lead < line.length() && (Character.isWhitespace(line.charAt(lead)) || line.charAt(lead) == '-')) lead++;
        while (from < line.length() && w.find(from)) {
            from = w.end();
            int valueStart = valueAfterKey(line, w.end());
            if (valueStart < 0 || valueStart >= line.length()) continue;
            String rest = line.substring(valueStart);
            boolean blockKey = keyStart(line, w.start()) <= lead;
            int valueEnd;
            if (blockKey && BLOCK_SCALAR.matcher(rest).matches()) {
                blockScalar = true;
                break;
            } else if (blockKey && !rest.startsWith("{") && !rest.startsWith("[")) {
                valueEnd = line.length();
            } else {
                valueEnd = flowValueEnd(line, valueStart);
            }
            out.append(line, copied, valueStart).append(MASK);
            copied = valueEnd;
            from = Math.max(from, valueEnd);
        }
        out.append(line, copied, line.length());
        return blockScalar;
    }

    /** Where the value starts when the secret word ending at {@code at} is part of a key ({@code key: value}), else -1. */
    private static int valueAfterKey(String line, int at) {
        int i = at;
        int limit = Math.min(line.length(), at + MAX_KEY_AROUND);
        while (i < limit && isKeyChar(line.charAt(i))) i++;
        if (i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'')) i++;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        if (i >= line.length() || line.charAt(i) != ':') return -1;
        i++;
        if (i < line.length() && !Character.isWhitespace(line.charAt(i))) return -1;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return i;
    }

    private static int keyStart(String line, int wordStart) {
        int i = wordStart;
        int limit = Math.max(0, wordStart - MAX_KEY_AROUND);
        while (i > limit && isKeyChar(line.charAt(i - 1))) i--;
        if (i > 0 && (line.charAt(i - 1) == '"' || line.charAt(i - 1) == '\'')) i--;
        return i;
    }

    /** The end of a flow value starting at {@code start}: a quoted string, a bracketed collection, or plain text. */
    private static int flowValueEnd(String line, int start) {
        char first = line.charAt(start);
        if (first == '"' || first == '\'') {
            for (int i = start + 1; i < line.length(); i++) {
                if (first == '"' && line.charAt(i) == '\\') i++;
                else if (line.charAt(i) == first) return i + 1;
            }
            return line.length();
        }
        int depth = 0;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[' || c == '{') depth++;
            else if ((c == ']' || c == '}') && depth-- == 0) return i;
            else if (c == ',' && depth == 0) return i;
            if (depth == 0 && i > start && (c == ']' || c == '}')) return i + 1;
        }
        return line.length();
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
