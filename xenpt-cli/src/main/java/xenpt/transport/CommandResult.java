package xenpt.transport;

import java.util.Objects;

/** What a remote command printed and how it exited. Output is decoded as UTF-8. */
public record CommandResult(Command command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** The first non-blank line of stderr (or stdout when stderr is empty), for error messages. */
    public String firstErrorLine() {
        String text = stderr.isBlank() ? stdout : stderr;
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
