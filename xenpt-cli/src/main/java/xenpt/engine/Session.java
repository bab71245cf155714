package xenpt.engine;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine needs of a run: where progress, warnings and errors go (stderr), the environment (home directory,
 * simulated hosts' state directory, SSH agent), how many hosts are observed at once, whether a new host key may be
 * recorded, and whether progress may rewrite one live line (a terminal).
 */
public record Session(PrintWriter err, Map<String, String> env, int parallelism, boolean acceptNewHostKeys,
        boolean liveProgress) {

    public Session {
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }

    /** The same run in another environment (a saved plan's simulated-host directory). */
    public Session withEnv(Map<String, String> other) {
        return new Session(err, other, parallelism, acceptNewHostKeys, liveProgress);
    }
}
