package xenpt.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A remote command as an argument vector. The only way to build the text sent to a host's shell is
 * {@link #toShell()}, which quotes every word that is not plainly safe, so no value from a desired-state file or
 * from a host's output can reach a shell unquoted.
 */
public record Command(List<String> argv) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
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
        return new Command(all);
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
