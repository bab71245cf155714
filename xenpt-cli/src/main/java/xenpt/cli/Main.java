package xenpt.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import xenpt.build.XenptVersion;
import xenpt.engine.Session;
import xenpt.render.Views;

/**
 * The {@code xenpt} program. {@link #run} takes its output streams and environment so that tests run commands
 * in-process and assert on exit code and output.
 */
@Command(
        name = "xenpt",
        // INHERIT: every subcommand gets -h/--help, -V and the exit-code list below (SPEC §2: printed by --help).
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Declarative GitOps reconciler for PCI passthrough on XenServer / XCP-ng hosts.",
        // the commands: CommandTree.COMMANDS, added by CommandTree
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; for plan --detailed-exitcode and drift: no changes, no drift",
            "1:any error: invalid desired state, unreachable host, failed apply, stale plan, bad usage",
            "2:success with changes present (plan --detailed-exitcode, review) or drift found (drift)"
        })
public final class Main implements Callable<Integer> {

    // Accepted before the command name too (xenpt -o json plan); each command carries those that apply to it.
    @Mixin GlobalOptions.Output output;
    @Mixin GlobalOptions.Verbose verbose;
    @Mixin GlobalOptions.HostAccess hostAccess;
    @Mixin GlobalOptions.Parallelism parallelism;

    /** The command line being run, for the options given at any level ({@link #global}). */
    private CommandLine commandLine;

    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final Input in;

    Main(PrintWriter out, PrintWriter err, Map<String, String> env) {
        this(Input.none(), out, err, env);
    }

    Main(Input in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /**
     * Standard input, for the one question xenpt asks ({@code apply}'s confirmation).
     *
     * @param terminal whether a person can answer; without one, apply refuses to ask and needs {@code --auto-approve}
     */
    public record Input(BufferedReader reader, boolean terminal) {
        public Input {
            java.util.Objects.requireNonNull(reader, "reader");
        }

        /** No input at all, as in CI: nothing can be confirmed. */
        public static Input none() {
            return new Input(new BufferedReader(Reader.nullReader()), false);
        }
    }

    /** {@code xenpt} alone is bad usage: the usage goes to stderr and the exit code is 1. */
    @Override
    public Integer call() {
        CommandTree.whole(this).usage(err);
        return ExitCode.ERROR;
    }

    /** The shared options of this run, wherever they were given. */
    GlobalOptions global() {
        return commandLine == null || commandLine.getParseResult() == null ? GlobalOptions.DEFAULTS
                : GlobalOptions.of(commandLine.getParseResult());
    }

    /** What the engine needs of this run: stderr, environment, parallelism, host-key trust, how progress shows. */
    Session session() {
        GlobalOptions g = global();
        return new Session(err, env, g.parallelism(), g.acceptNewHostKeys(), g.progress(in.terminal(), env), g.verbose());
    }

    /** The views of this run's output format: the one choice between text, JSON and Markdown. */
    Views views() {
        return new Views(global().output(), color());
    }

    /** Whether output may be coloured: a terminal, and {@link #colorAllowed}. */
    boolean color() {
        return colorAllowed(global().noColor(), env) && stderrIsTerminal();
    }

    /** No {@code --no-color}, no non-empty {@code NO_COLOR} (no-color.org), and not {@code TERM=dumb}. */
    static boolean colorAllowed(boolean noColorFlag, Map<String, String> env) {
        return !noColorFlag && env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
    }

    /**
     * Whether the process talks to a terminal. On JDK 22+ {@code System.console()} is non-null even when redirected,
     * so {@code Console.isTerminal()} (22+) is asked where it exists.
     */
    static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Input in = new Input(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                stderrIsTerminal());
        int code = run(in, out, err, System.getenv(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return run(Input.none(), out, err, env, args);
    }

    /** Like {@link #run(PrintWriter, PrintWriter, Map, String...)}, with standard input. */
    public static int run(Input in, PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        Main main = new Main(in, out, err, env);
        CommandLine cl = CommandTree.forArgs(main, args);
        main.commandLine = cl;
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(UsageErrors.handler(err));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("xenpt: error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (main.global().verbose()) ex.printStackTrace(err);
            err.flush();
            return ExitCode.ERROR;
        });
        switch (TerraformSpellings.rewrite(cl, args)) {
            case TerraformSpellings.Result.Refused r -> {
                err.println(r.message());
                err.flush();
                return ExitCode.ERROR;
            }
            case TerraformSpellings.Result.Args a -> args = a.args();
        }
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {XenptVersion.current().banner(System.getProperty("java.version"))};
        }
    }
}
