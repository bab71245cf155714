package xenpt.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code sh -c} script into tokens the way a POSIX shell does for the few constructs the simulator runs
 * ({@link ScriptParser}): words with single quotes, double quotes, backslashes, {@code $name} and {@code $?};
 * newline, {@code ;}, {@code ;;}, {@code )}, {@code <}, {@code >&}; {@code #} comments. Everything else that is
 * shell syntax ({@code | & ( ` $( ${ >}, here-documents) is refused as a syntax error rather than half-understood.
 */
final class ScriptLexer {

    enum Kind { WORD, NEWLINE, SEMI, DSEMI, RPAREN, LESS, GREATAND, EOF }

    /** A part of a word: literal text, or a parameter expanded at run time; {@code quoted} inside double quotes. */
    record Part(String text, boolean parameter, boolean quoted) {}

    record Token(Kind kind, List<Part> parts, int line) {
        /** The word's text when it is a plain unquoted literal (a reserved word or a pattern), else null. */
        String plain() {
            if (kind != Kind.WORD) return null;
            StringBuilder s = new StringBuilder();
            for (Part p : parts) {
                if (p.parameter() || p.quoted()) return null;
                s.append(p.text());
            }
            return s.toString();
        }

        String shown() {
            return switch (kind) {
                case WORD -> plain() == null ? "word" : plain();
                case NEWLINE -> "newline";
                case SEMI -> ";";
                case DSEMI -> ";;";
                case RPAREN -> ")";
                case LESS -> "<";
                case GREATAND -> ">&";
                case EOF -> "end of file";
            };
        }
    }

    private final String s;
    private int i;
    private int line = 1;
    private final List<Token> tokens = new ArrayList<>();

    private ScriptLexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String script) throws ShellWords.SyntaxError {
        ScriptLexer lx = new ScriptLexer(script);
        lx.run();
        return lx.tokens;
    }

    private void run() throws ShellWords.SyntaxError {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (c == '\n') {
                add(Kind.NEWLINE);
                line++;
                i++;
            } else if (c == ';') {
                boolean twice = i + 1 < s.length() && s.charAt(i + 1) == ';';
                add(twice ? Kind.DSEMI : Kind.SEMI);
                i += twice ? 2 : 1;
            } else if (c == ')') {
                add(Kind.RPAREN);
                i++;
            } else if (c == '<' && !s.startsWith("<<", i)) {
                add(Kind.LESS);
                i++;
            } else if (s.startsWith(">&", i)) {
                add(Kind.GREATAND);
                i += 2;
            } else if ("|&()<>`".indexOf(c) >= 0) {
                throw error(c == '<' ? "<<" : String.valueOf(c));
            } else {
                tokens.add(new Token(Kind.WORD, word(), line));
            }
        }
        add(Kind.EOF);
    }

    private void add(Kind kind) {
        tokens.add(new Token(kind, List.of(), line));
    }

    private ShellWords.SyntaxError error(String token) {
        return new ShellWords.SyntaxError("line " + line + ": syntax error near unexpected token `" + token + "'");
    }

    private List<Part> word() throws ShellWords.SyntaxError {
        List<Part> parts = new ArrayList<>();
        while (i < s.length() && " \t\n;)<>|&()`".indexOf(s.charAt(i)) < 0) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new ShellWords.SyntaxError("line " + line + ": unexpected EOF while looking for matching `''");
                parts.add(new Part(s.substring(i + 1, end), false, true));
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
            } else if (c == '"') {
                i++;
                doubleQuoted(parts);
            } else if (c == '\\') {
                if (i + 1 < s.length() && s.charAt(i + 1) != '\n') parts.add(new Part(s.substring(i + 1, i + 2), false, true));
                i += 2;
            } else if (c == '$') {
                parts.add(parameter(false));
            } else {
                parts.add(new Part(String.valueOf(c), false, false));
                i++;
            }
        }
        return parts;
    }

    private void doubleQuoted(List<Part> parts) throws ShellWords.SyntaxError {
        StringBuilder text = new StringBuilder();
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                if (s.charAt(i + 1) != '\n') text.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                parts.add(new Part(text.toString(), false, true));
                text.setLength(0);
                parts.add(parameter(true));
            } else if (c == '`') {
                throw error("`");
            } else {
                if (c == '\n') line++;
                text.append(c);
                i++;
            }
        }
        if (i >= s.length()) throw new ShellWords.SyntaxError("line " + line + ": unexpected EOF while looking for matching `\"'");
        parts.add(new Part(text.toString(), false, true));
        i++;
    }

    /** {@code $?} or {@code $name}; {@code $(…)}, {@code ${…}} and the other special parameters are not simulated. */
    private Part parameter(boolean quoted) throws ShellWords.SyntaxError {
        int start = ++i;
        if (i < s.length() && s.charAt(i) == '?') {
            i++;
            return new Part("?", true, quoted);
        }
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (i == start || Character.isDigit(s.charAt(start))) {
            throw new ShellWords.SyntaxError("line " + line + ": `$" + (i < s.length() ? s.charAt(i) : "")
                    + "': expansion not simulated");
        }
        return new Part(s.substring(start, i), true, quoted);
    }
}
