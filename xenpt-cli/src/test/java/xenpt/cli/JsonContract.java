package xenpt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs xenpt in-process like {@link Main#run} and then holds every JSON document the command printed or wrote to the
 * JSON contract: its stdout under {@code -o json}, and the files of {@code plan --out} and {@code drift --report},
 * each against its schema in {@code schemas/}. Every test that runs a command goes through here, so that a key added
 * to an output without its schema fails the test that printed it. {@link #STDOUT} and {@link #FILES} are the one
 * place that maps a command to its schema.
 */
public final class JsonContract {

    /** The schema of a command's stdout under {@code -o json}, by command path as typed ({@code plan}, {@code sim x}). */
    static final Map<String, String> STDOUT = Map.of(
            "plan", "plan",
            "show", "plan",
            "apply", "apply-report",
            "drift", "drift-report",
            "inspect", "inspect",
            "review", "review",
            "validate", "validate",
            "doctor", "doctor");

    /** The schema of a file a command writes whatever {@code -o} says, by command path and option. */
    static final Map<String, String> FILES = Map.of(
            "plan --out", "plan",
            "drift --report", "drift-report");

    /** Commands that print exactly one JSON document on every path under {@code -o json}, failures included. */
    static final Set<String> ALWAYS_A_DOCUMENT = Set.of("apply");

    private JsonContract() {}

    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return run(Main.Input.none(), out, err, env, args);
    }

    /** {@link Main#run}, then the contract check of what it printed and wrote; @throws AssertionError on a breach */
    public static int run(Main.Input in, PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        Optional<Invocation> how = Invocation.parse(args);
        Map<Path, Optional<String>> before = new LinkedHashMap<>();
        how.ifPresent(i -> i.files().keySet().forEach(f -> before.put(f, content(f))));
        StringWriter printed = new StringWriter();
        int code = Main.run(in, new PrintWriter(tee(out, printed)), err, env, args);
        how.ifPresent(i -> check(i, printed.toString(), before, code));
        return code;
    }

    static void check(Invocation i, String stdout, Map<Path, Optional<String>> before, int code) {
        String what = "'xenpt " + String.join(" ", i.args()) + "' (exit " + code + ")";
        if (i.json()) {
            String schema = STDOUT.get(i.command());
            if (schema != null && (!stdout.isBlank() || ALWAYS_A_DOCUMENT.contains(i.command()))) {
                JsonSchemas.validate(schema, stdout, what + " stdout");
            } else if (schema == null && stdout.strip().startsWith("{")) {
                throw new AssertionError(what + " prints JSON but JsonContract.STDOUT names no schema for '"
                        + i.command() + "': write schemas/NAME.schema.json and map the command to it\n" + stdout);
            }
        }
        i.files().forEach((file, schema) -> {
            Optional<String> now = content(file);
            if (now.isPresent() && !now.equals(before.get(file))) JsonSchemas.validate(schema, now.get(), what + " file " + file);
        });
    }

    private static Optional<String> content(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer that writes to {@code out} and keeps a copy. */
    private static Writer tee(PrintWriter out, StringWriter copy) {
        return new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                out.write(buf, off, len);
                copy.write(buf, off, len);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    /**
     * How a command line is read by xenpt's own parser: which command, whether {@code -o json}, which files it writes.
     *
     * @param command the command path, e.g. {@code plan} or {@code sim serve}
     * @param files   the files the command writes, each with its schema
     */
    record Invocation(List<String> args, String command, boolean json, Map<Path, String> files) {

        /** Empty for a command line xenpt refuses, and for help and version requests: they print no document. */
        static Optional<Invocation> parse(String... args) {
            ParseResult pr;
            try {
                Main main = new Main(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Map.of());
                pr = CommandTree.whole(main).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                return Optional.empty();
            }
            List<String> path = new ArrayList<>();
            boolean json = false;
            Map<Path, String> files = new LinkedHashMap<>();
            for (ParseResult level = pr; level != null; level = level.subcommand()) {
                if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) return Optional.empty();
                if (level != pr) path.add(level.commandSpec().name());
                OptionSpec o = level.matchedOption("-o");
                if (o != null) json = o.getValue().toString().equals("json");
                String command = String.join(" ", path);
                for (OptionSpec m : level.matchedOptions()) {
                    String schema = FILES.get(command + " " + m.longestName());
                    if (schema != null) files.put(Path.of(m.stringValues().get(m.stringValues().size() - 1)), schema);
                }
            }
            return Optional.of(new Invocation(List.of(args), String.join(" ", path), json, files));
        }
    }
}
