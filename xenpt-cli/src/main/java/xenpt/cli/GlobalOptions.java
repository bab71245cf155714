package xenpt.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import xenpt.engine.Progress;
import xenpt.render.Format;

/**
 * The options shared between commands, as they apply to this run. Each group is a mixin that {@link Main} carries (so
 * an option counts before the command name, as in {@code xenpt -o json plan}) and that each command carries only
 * where it applies (so {@code validate --help} lists no {@code --parallelism}). The values are read from the parse
 * result, command line level by level, the last one given winning.
 */
record GlobalOptions(Format output, boolean noColor, boolean verbose, boolean quiet, int parallelism,
        boolean acceptNewHostKeys) {

    static final GlobalOptions DEFAULTS = new GlobalOptions(Format.text, false, false, false, 16, false);

    /** The options given on the command line, at the top level or on the command that runs. */
    static GlobalOptions of(ParseResult parsed) {
        GlobalOptions g = DEFAULTS;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            g = new GlobalOptions(p.matchedOptionValue("--output", g.output),
                    g.noColor || p.hasMatchedOption("--no-color"), g.verbose || p.hasMatchedOption("--verbose"),
                    g.quiet || p.hasMatchedOption("--quiet"), p.matchedOptionValue("--parallelism", g.parallelism),
                    g.acceptNewHostKeys || p.hasMatchedOption("--accept-new-host-keys"));
        }
        return g;
    }

    /**
     * One live line on a terminal (not {@code TERM=dumb}); a line per event elsewhere and with {@code --verbose}, whose
     * trace lines a live line would overwrite; none with {@code --quiet}.
     */
    Progress.Mode progress(boolean terminal, Map<String, String> env) {
        if (quiet) return Progress.Mode.QUIET;
        return terminal && !verbose && !"dumb".equals(env.get("TERM")) ? Progress.Mode.LIVE : Progress.Mode.LINES;
    }

    /** Commands with output for a reader: its format and colour. */
    static final class Output {
        @Option(names = {"-o", "--output"}, paramLabel = "FMT",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
        Format output;

        @Option(names = "--no-color", description = "Never colour the output (also: NO_COLOR).")
        boolean noColor;
    }

    /** Every command but the helpers: more detail. */
    static final class Verbose {
        @Option(names = {"-v", "--verbose"},
                description = "Print each command sent to a host (exit status, duration) and stack traces on errors.")
        boolean verbose;
    }

    /** Commands that contact hosts: host-key trust and progress. */
    static final class HostAccess {
        @Option(names = "--accept-new-host-keys",
                description = "Trust and record the key of a host not yet in known_hosts. A changed key is always refused.")
        boolean acceptNewHostKeys;

        @Option(names = {"-q", "--quiet"}, description = "No progress on stderr; warnings and errors still.")
        boolean quiet;
    }

    /** Commands that contact many hosts at once. */
    static final class Parallelism {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        int parallelism = DEFAULTS.parallelism;

        /** Bad usage (exit 1) rather than a silent clamp: {@code --parallelism 0} is a mistake, not a request. */
        @Option(names = "--parallelism", paramLabel = "N", description = "Hosts contacted at once (default: 16).")
        void parallelism(int n) {
            if (n < 1) {
                throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, not " + n);
            }
            parallelism = n;
        }
    }
}
