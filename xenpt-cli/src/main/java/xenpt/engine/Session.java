package xenpt.engine;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine needs of a run: where progress, warnings and errors go (stderr), the environment (home directory,
 * simulated hosts' state directory, SSH agent), how many hosts are observed at once, whether a new host key may be
 * recorded, how progress is shown (one live line on a terminal, a line per event, or none with {@code --quiet}), and
 * whether every command sent to a host is traced ({@code --verbose}).
 */
public record Session(PrintWriter err, Map<String, String> env, int parallelism, boolean acceptNewHostKeys,
        Progress.Mode progress, boolean verbose) {

    public Session {
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(progress, "progress");
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }

    /** The same run in another environment (a saved plan's simulated-host directory). */
    public Session withEnv(Map<String, String> other) {
        return new Session(err, other, parallelism, acceptNewHostKeys, progress, verbose);
    }
}
