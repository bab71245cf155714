package xenpt.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A remote command as an argument vector, and what it is given on stdin (usually nothing). The only way to build the
 * text sent to a host's shell is {@link #toShell()}, which quotes every word that is not plainly safe, so no value
 * from a desired-state file or from a host's output can reach a shell unquoted. Values that a fixed script needs
 * travel on {@code stdin} as data, never as shell text (docs/observation-commands.md).
 */
public record Command(List<String> argv, String stdin) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        java.util.Objects.requireNonNull(stdin, "stdin");
    }

    public Command(List<String> argv) {
        this(argv, "");
    }

    public static Command of(String program, String... args) {
        List<String> all = new ArrayList<>(args.length + 1);
        all.add(program);
        all.addAll(List.of(args));
        return new Command(all);
    }

    /** A new command with {@code more} appended. */
    public Command with(String... more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(List.of(more));
        return new Command(all, stdin);
    }

    /** The same command with {@code input} on its stdin (sent, then end of file). */
    public Command withStdin(String input) {
        return new Command(argv, input);
    }

    /** The command line for messages: a one-line command whole, a script by its first line ({@code sh -c '…' …}). */
    public String summary() {
        String s = toShell();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    /** The command line for a POSIX shell; each word quoted as needed. */
    public String toShell() {
        StringBuilder s = new StringBuilder();
        for (String word : argv) {
            if (!s.isEmpty()) s.append(' ');
            s.append(quote(word));
        }
        return s.toString();
    }

    /** Quotes one word for a POSIX shell: {@code abc} stays, anything else becomes {@code 'a'\''b'}. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return toShell();
    }
}
