package xenpt.sim;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Lets the transport tests' canned SSH server ({@code TestSshServer}, which knows no host) answer an {@code sh -c}
 * read script the way the simulator does: the simulator's own script runner, each command of the script answered
 * from the canned replies by its text.
 */
public final class CannedScript {

    public record Answer(int exit, String out, String err) {}

    private CannedScript() {}

    /** The script of an {@code sh -c SCRIPT} line, or null for any other line. */
    public static String script(String line) {
        try {
            List<List<String>> stages = ShellWords.parse(line);
            List<String> argv = stages.size() == 1 ? stages.get(0) : List.of();
            return argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c") ? argv.get(2) : null;
        } catch (ShellWords.SyntaxError e) {
            return null;
        }
    }

    /** Where the script's output so far goes before it reads stdin: the channel's stdout and stderr, flushed. */
    public interface Early {
        void write(String out, String err) throws IOException;
    }

    /**
     * Runs {@code script} with {@code stdin}; each command gets {@code answer.apply(its text)}; before each
     * {@code read} the output so far goes to {@code early}, and the answer holds the rest.
     */
    public static Answer run(String script, InputStream stdin, Early early, Function<String, Answer> answer) {
        Outcome o = ShellScript.run(script, new Stdin(stdin, early::write), argv -> {
            Answer a = answer.apply(ShellWords.join(argv));
            return Outcome.of(a.exit(), a.out(), a.err());
        });
        return new Answer(o.exit(), o.out(), o.err());
    }
}
