package xenpt.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xenpt.sim.ScriptLexer.Part;
import xenpt.sim.ScriptParser.Node;

/**
 * Runs an {@code sh -c} script of the {@link ScriptParser} grammar as a POSIX shell would, without a shell: variables
 * and {@code $?}, the builtins {@code read -r}, {@code echo}, {@code true}, {@code false}, {@code :}; every other
 * command goes to the host's programs, one at a time, with stdin from {@code /dev/null}. stdout and stderr are kept
 * apart as on the channel. A command that drops or hangs the connection, reboots the host or never ends its output
 * ends the script there. A script outside the grammar is a syntax error (exit 2), as {@code sh} reports it. Before
 * each {@code read} the output so far goes to the client ({@link Stdin#flush}), as a shell's writes do: a client may
 * wait for it before it writes the line the read waits for.
 */
final class ShellScript {

    /** Runs one external command (argv) of the script on the host. */
    interface Programs {
        Outcome run(List<String> argv) throws IOException;
    }

    /** Ends the script early with the outcome of the command that ended it. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Outcome outcome;

        Stop(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private static final int MAX_ITERATIONS = 1_000_000;

    private final Programs programs;
    private final Stdin stdin;
    private final Map<String, String> vars = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private int status;

    private ShellScript(Programs programs, Stdin stdin) {
        this.programs = programs;
        this.stdin = stdin;
        vars.put("IFS", " \t\n");
    }

    /** The outcome of {@code sh -c script} with {@code stdin}. */
    static Outcome run(String script, Stdin stdin, Programs programs) {
        ShellScript sh = new ShellScript(programs, stdin);
        List<Node> nodes;
        try {
            nodes = ScriptParser.parse(script);
        } catch (ShellWords.SyntaxError e) {
            return Outcome.fail(2, "sh: -c: " + e.getMessage() + "\n");
        }
        try {
            sh.list(nodes);
            return Outcome.of(sh.status, sh.out.toString(), sh.err.toString());
        } catch (Stop s) {
            Outcome o = s.outcome;
            return new Outcome(o.exit(), sh.out + o.out(), sh.err + o.err(), o.effect());
        } catch (IOException e) {
            return Outcome.of(1, sh.out.toString(), sh.err + "sh: " + e + "\n");
        }
    }

    private void list(List<Node> nodes) throws Stop, IOException {
        for (Node n : nodes) {
            switch (n) {
                case ScriptParser.Simple s -> simple(s);
                case ScriptParser.While w -> loop(w);
                case ScriptParser.Case c -> choose(c);
            }
        }
    }

    private void loop(ScriptParser.While w) throws Stop, IOException {
        int last = 0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            list(w.condition());
            if (status != 0) break;
            list(w.body());
            last = status;
        }
        status = last;
    }

    /** Literal patterns and {@code *} only (XCU 2.9.4.3); no match: status 0. */
    private void choose(ScriptParser.Case c) throws Stop, IOException {
        String word = expand(c.word(), true);
        for (ScriptParser.Arm arm : c.arms()) {
            if (arm.pattern().equals("*") || arm.pattern().equals(word)) {
                status = 0;
                list(arm.body());
                return;
            }
            if (arm.pattern().matches(".*[*?\\[].*")) fail(c.line(), "case pattern " + arm.pattern() + " not simulated");
        }
        status = 0;
    }

    private void simple(ScriptParser.Simple s) throws Stop, IOException {
        List<String> argv = new ArrayList<>();
        Map<String, String> assigned = new HashMap<>();
        for (List<Part> w : s.words()) {
            String name = argv.isEmpty() ? assignmentName(w) : null;
            if (name != null) assigned.put(name, expand(w, false).substring(name.length() + 1));
            else argv.add(expand(w, false));
        }
        for (String from : s.stdinFrom()) if (!from.equals("/dev/null")) fail(s.line(), "<" + from + " not simulated");
        if (argv.isEmpty()) {
            vars.putAll(assigned);
            status = 0;
            return;
        }
        Outcome o = command(argv, assigned, s.line());
        (s.toStderr() ? err : out).append(o.out());
        err.append(o.err());
        status = o.exit();
        if (o.effect() != Outcome.Effect.NONE) throw new Stop(new Outcome(o.exit(), "", "", o.effect()));
    }

    private Outcome command(List<String> argv, Map<String, String> assigned, int line) throws Stop, IOException {
        return switch (argv.get(0)) {
            case "read" -> read(argv.subList(1, argv.size()), assigned.getOrDefault("IFS", vars.get("IFS")), line);
            case "echo" -> Outcome.ok(String.join(" ", argv.subList(1, argv.size())) + "\n");
            case "true", ":" -> Outcome.ok("");
            case "false" -> Outcome.fail(1, "");
            default -> programs.run(argv);
        };
    }

    /** {@code read -r name…}: one line, split at IFS white space, the last name taking the rest; EOF: status 1. */
    private Outcome read(List<String> args, String ifs, int line) throws Stop, IOException {
        if (args.size() < 2 || !args.get(0).equals("-r")) fail(line, "read without -r is not simulated");
        if (!ifs.isEmpty() && !ifs.equals(" \t\n")) fail(line, "read with IFS other than empty or the default is not simulated");
        List<String> names = args.subList(1, args.size());
        if ((!out.isEmpty() || !err.isEmpty()) && stdin.flush(out.toString(), err.toString())) {
            out.setLength(0);
            err.setLength(0);
        }
        Stdin.Line l = stdin.readLine();
        String rest = l.text();
        for (int i = 0; i < names.size(); i++) {
            String value;
            if (ifs.isEmpty() || i == names.size() - 1) {
                value = ifs.isEmpty() ? rest : rest.strip();
                rest = "";
            } else {
                String trimmed = rest.stripLeading();
                int cut = trimmed.split("[ \\t]", 2)[0].length();
                value = trimmed.substring(0, cut);
                rest = trimmed.substring(cut);
            }
            vars.put(names.get(i), ifs.isEmpty() && i > 0 ? "" : value);
        }
        return l.complete() ? Outcome.ok("") : Outcome.fail(1, "");
    }

    private String expand(List<Part> word, boolean splitAllowed) throws Stop {
        StringBuilder s = new StringBuilder();
        for (Part p : word) {
            if (!p.parameter()) {
                s.append(p.text());
                continue;
            }
            if (!p.quoted() && !splitAllowed) fail(0, "unquoted $" + p.text() + " (field splitting) is not simulated");
            s.append(p.text().equals("?") ? String.valueOf(status) : vars.getOrDefault(p.text(), ""));
        }
        return s.toString();
    }

    /** {@code NAME} when the word starts with an unquoted {@code NAME=}. */
    private static String assignmentName(List<Part> word) {
        StringBuilder name = new StringBuilder();
        for (Part p : word) {
            if (p.parameter() || p.quoted()) return null;
            if (p.text().equals("=")) return name.toString().matches("[A-Za-z_][A-Za-z0-9_]*") ? name.toString() : null;
            name.append(p.text());
        }
        return null;
    }

    private static void fail(int line, String what) throws Stop {
        throw new Stop(Outcome.fail(2, "sh: -c: " + (line > 0 ? "line " + line + ": " : "") + what + "\n"));
    }
}
