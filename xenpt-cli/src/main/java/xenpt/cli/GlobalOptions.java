package xenpt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;
import xenpt.render.Format;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FMT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    public Format output = Format.text;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output (also: NO_COLOR).")
    public boolean noColor;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "More detail; stack traces on errors.")
    public boolean verbose;

    public int parallelism = 16;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Bad usage (exit 1) rather than a silent clamp: {@code --parallelism 0} is a mistake, not a request. */
    @Option(names = "--parallelism", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Hosts observed at once (default: 16).")
    void parallelism(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, not " + n);
        }
        parallelism = n;
    }

    @Option(names = "--accept-new-host-keys", scope = ScopeType.INHERIT,
            description = "Trust and record the key of a host not yet in known_hosts. A changed key is always refused.")
    public boolean acceptNewHostKeys;
}
