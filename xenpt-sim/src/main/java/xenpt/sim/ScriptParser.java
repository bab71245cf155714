package xenpt.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import xenpt.sim.ScriptLexer.Kind;
import xenpt.sim.ScriptLexer.Part;
import xenpt.sim.ScriptLexer.Token;

/**
 * The grammar the simulator's {@code sh -c} understands, a subset of the POSIX shell grammar (XCU 2.9/2.10): lists
 * of commands separated by newlines or {@code ;}; simple commands with {@code NAME=value} prefixes and the
 * redirections {@code </dev/null} and {@code >&2}; {@code while list; do list; done}; {@code case word in
 * pattern) list ;; … esac} with literal patterns and {@code *}. Nothing else is accepted.
 */
final class ScriptParser {

    sealed interface Node permits Simple, While, Case {}

    /** A simple command: its words (assignments first), stdout sent to stderr ({@code >&2}), stdin redirected. */
    record Simple(List<List<Part>> words, boolean toStderr, List<String> stdinFrom, int line) implements Node {}

    record While(List<Node> condition, List<Node> body) implements Node {}

    record Case(List<Part> word, List<Arm> arms, int line) implements Node {}

    record Arm(String pattern, List<Node> body) {}

    private static final Set<String> RESERVED = Set.of("do", "done", "esac", "in", "then", "fi", "if", "for", "until",
            "elif", "else", "{", "}", "!");

    private final List<Token> t;
    private int p;

    private ScriptParser(List<Token> tokens) {
        this.t = tokens;
    }

    static List<Node> parse(String script) throws ShellWords.SyntaxError {
        ScriptParser parser = new ScriptParser(ScriptLexer.tokens(script));
        List<Node> nodes = parser.list(Set.of());
        if (parser.peek().kind() != Kind.EOF) throw parser.unexpected();
        return nodes;
    }

    private Token peek() {
        return t.get(p);
    }

    private ShellWords.SyntaxError unexpected() {
        Token tok = peek();
        return new ShellWords.SyntaxError("line " + tok.line() + ": syntax error near unexpected token `" + tok.shown() + "'");
    }

    private boolean at(String word) {
        return word.equals(peek().plain());
    }

    private void expect(String word) throws ShellWords.SyntaxError {
        if (!at(word)) throw unexpected();
        p++;
    }

    private static boolean isIn(Token tok, Set<String> words) {
        return tok.plain() != null && words.contains(tok.plain());
    }

    private List<Node> list(Set<String> until) throws ShellWords.SyntaxError {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            while (peek().kind() == Kind.NEWLINE) p++;
            Token tok = peek();
            if (tok.kind() == Kind.EOF || tok.kind() == Kind.DSEMI || isIn(tok, until)) return nodes;
            nodes.add(command());
            Kind next = peek().kind();
            if (next == Kind.SEMI || next == Kind.NEWLINE) p++;
            else if (next != Kind.EOF && next != Kind.DSEMI) throw unexpected();
        }
    }

    private Node command() throws ShellWords.SyntaxError {
        if (at("while")) {
            p++;
            List<Node> condition = list(Set.of("do"));
            expect("do");
            List<Node> body = list(Set.of("done"));
            expect("done");
            if (condition.isEmpty() || body.isEmpty()) throw unexpected();
            return new While(condition, body);
        }
        if (at("case")) return caseCommand();
        if (peek().kind() != Kind.WORD || isIn(peek(), RESERVED)) throw unexpected();
        return simple();
    }

    private Node caseCommand() throws ShellWords.SyntaxError {
        int line = peek().line();
        p++;
        if (peek().kind() != Kind.WORD) throw unexpected();
        List<Part> word = t.get(p++).parts();
        expect("in");
        List<Arm> arms = new ArrayList<>();
        while (true) {
            while (peek().kind() == Kind.NEWLINE) p++;
            if (at("esac")) break;
            String pattern = peek().plain();
            if (pattern == null) throw unexpected();
            p++;
            if (peek().kind() != Kind.RPAREN) throw unexpected();
            p++;
            arms.add(new Arm(pattern, list(Set.of("esac"))));
            if (peek().kind() == Kind.DSEMI) p++;
            else if (!at("esac")) throw unexpected();
        }
        p++;
        return new Case(word, arms, line);
    }

    private Node simple() throws ShellWords.SyntaxError {
        int line = peek().line();
        List<List<Part>> words = new ArrayList<>();
        boolean toStderr = false;
        List<String> stdinFrom = new ArrayList<>();
        while (true) {
            Token tok = peek();
            if (tok.kind() == Kind.WORD) {
                words.add(tok.parts());
                p++;
            } else if (tok.kind() == Kind.LESS || tok.kind() == Kind.GREATAND) {
                p++;
                String target = peek().plain();
                if (target == null) throw unexpected();
                p++;
                if (tok.kind() == Kind.LESS) stdinFrom.add(target);
                else if (target.equals("2")) toStderr = true;
                else if (!target.equals("1")) throw new ShellWords.SyntaxError("line " + line + ": >&" + target + ": not simulated");
            } else {
                break;
            }
        }
        if (words.isEmpty()) throw unexpected();
        return new Simple(words, toStderr, stdinFrom, line);
    }
}
