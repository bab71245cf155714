package xenpt.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SSH exec string into pipeline stages of argv words the way a POSIX shell tokenises it, without running a
 * shell. Single quotes, double quotes and backslash escapes are honoured. Nothing is ever expanded: {@code $(...)},
 * backticks and {@code $VAR} inside quotes stay literal text (a real shell would expand them inside double quotes;
 * refusing to is the safe side). Unquoted shell syntax other than a {@code |} pipe ({@code ; & < > ( ) ` $}) is
 * rejected with a syntax error, so nothing a caller forgot to quote can ever act as shell syntax here.
 */
final class ShellWords {

    /** A command line the simulator refuses, with the message a shell-like front end prints. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private ShellWords() {}

    /** The pipeline stages of {@code line}; each stage is a non-empty argv. */
    static List<List<String>> parse(String line) throws SyntaxError {
        List<List<String>> stages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new SyntaxError("unexpected EOF while looking for matching `''");
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length() && line.charAt(i + 1) != '\n') word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '|') {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
                if (words.isEmpty()) throw new SyntaxError("syntax error near unexpected token `|'");
                stages.add(List.copyOf(words));
                words.clear();
                i++;
            } else if (";&<>()`$".indexOf(c) >= 0) {
                throw new SyntaxError("syntax error near unexpected token `" + c + "'");
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(word.toString());
        if (words.isEmpty() && !stages.isEmpty()) throw new SyntaxError("syntax error: unexpected end of file");
        if (!words.isEmpty()) stages.add(List.copyOf(words));
        return stages;
    }

    /** The words as one command line: plain words as they are, any other single-quoted ({@code 'it'\\''s'}). */
    static String join(List<String> argv) {
        StringBuilder s = new StringBuilder();
        for (String w : argv) {
            if (!s.isEmpty()) s.append(' ');
            s.append(!w.isEmpty() && PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    /** Appends a double-quoted text starting at {@code i} (after the quote); returns the index after the close. */
    private static int doubleQuoted(String line, int i, StringBuilder word) throws SyntaxError {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                if (line.charAt(i + 1) != '\n') word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new SyntaxError("unexpected EOF while looking for matching `\"'");
    }
}
