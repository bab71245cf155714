package xenpt.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The command layer of a simulated host: turns one exec string into argv with {@link ShellWords} (no shell ever
 * runs), applies injected faults and latency, and dispatches to the emulated programs. A {@code cmd | grep X} pipe is
 * supported for administrators. Unknown programs answer like sh: {@code command not found} or, for a path,
 * {@code No such file or directory}, exit 127.
 */
final class Shell {

    private static final Set<String> BIN_DIRS = Set.of("/bin", "/usr/bin", "/sbin", "/usr/sbin");

    private final HostContext ctx;
    private final Traffic traffic;

    Shell(HostContext ctx, Traffic traffic) {
        this.ctx = ctx;
        this.traffic = traffic;
    }

    /**
     * One exec request. {@code sh -c SCRIPT} runs the script ({@link ShellScript}) with the request's stdin, each of
     * its commands counted and matched against the injected faults on its own; any other line is one command or
     * pipeline. The injected latency is paid once per request (a round trip), not per command of a script, and
     * again when a script's {@code read} waits for the client after its output went out (a second round trip).
     */
    Outcome execute(String line, Stdin stdin) {
        try {
            long latency = ctx.faults().latencyMs();
            if (latency > 0) Thread.sleep(latency);
            List<String> script = script(line);
            if (script != null) return ShellScript.run(script.get(2), stdin.withRoundTrip(latency), this::simple);
            traffic.commandRun();
            var fault = ctx.faults().check(line);
            if (fault.isPresent() && fault.get().effect() != Outcome.Effect.DROP_AFTER) return fault.get();
            List<List<String>> stages = ShellWords.parse(line);
            Outcome last = Outcome.ok("");
            StringBuilder err = new StringBuilder();
            String input = "";
            for (int i = 0; i < stages.size(); i++) {
                last = program(stages.get(i), input);
                if (last.effect() == Outcome.Effect.DROP) return last;
                err.append(last.err());
                input = last.out();
            }
            if (fault.isPresent()) return new Outcome(-1, "", "", Outcome.Effect.DROP); // ran; the answer is lost
            return new Outcome(last.exit(), last.out(), err.toString(), stages.size() == 1 ? last.effect()
                    : Outcome.Effect.NONE);
        } catch (ShellWords.SyntaxError e) {
            return Outcome.fail(2, "sh: -c: line 1: " + e.getMessage() + "\nsh: -c: line 1: `" + line + "'\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "", "", Outcome.Effect.DROP);
        } catch (IOException | RuntimeException e) {
            return Outcome.fail(1, "sh: " + e + "\n");
        }
    }

    /** The argv of an {@code sh -c SCRIPT} line (a POSIX sh is at /bin/sh on every dom0), else null. */
    private static List<String> script(String line) {
        try {
            List<List<String>> stages = ShellWords.parse(line);
            if (stages.size() != 1) return null;
            List<String> argv = stages.get(0);
            boolean sh = argv.get(0).equals("sh") || argv.get(0).equals("/bin/sh");
            return sh && argv.size() == 3 && argv.get(1).equals("-c") ? argv : null;
        } catch (ShellWords.SyntaxError e) {
            return null;
        }
    }

    /**
     * One command of a script, counted and matched against the faults by its text as a single exec request would
     * show it (each word plain or single-quoted), so a fault such as {@code ^xe vm-list} fires inside a script too.
     */
    private Outcome simple(List<String> argv) throws IOException {
        traffic.commandRun();
        var fault = ctx.faults().check(ShellWords.join(argv));
        if (fault.isPresent() && fault.get().effect() != Outcome.Effect.DROP_AFTER) return fault.get();
        Outcome o = program(argv, "");
        return fault.isPresent() ? new Outcome(-1, "", "", Outcome.Effect.DROP) : o;
    }

    private Outcome program(List<String> argv, String stdin) throws IOException {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (name.contains("/")) {
            String path = RootFs.absolute(name);
            boolean exists = Files.exists(ctx.fs().follow(path));
            if (path.equals(XenCmdline.PATH) && exists && ctx.scenario().xenCmdline()) {
                return new XenCmdline(ctx).run(args);
            }
            String dir = path.substring(0, path.lastIndexOf('/'));
            if (!exists && !BIN_DIRS.contains(dir) && !path.equals("/opt/xensource/bin/xe")) {
                return Outcome.fail(127, "sh: " + name + ": No such file or directory\n");
            }
            name = path.substring(path.lastIndexOf('/') + 1);
        }
        return switch (name) {
            case "xe" -> new Xe(ctx).run(args);
            case "lspci" -> new Lspci(ctx).run(args);
            case "xl" -> new Xl(ctx).run(args);
            case "xenstore-ls" -> new Xenstore(ctx).ls(args);
            case "dmesg" -> Outcome.ok(KernelLog.dmesg(ctx.state().cmdline(), ctx.state().pcibackBound()));
            case "cat" -> args.isEmpty() ? Outcome.ok(stdin) : new FileCommands(ctx).cat(args);
            case "ls" -> new Ls(ctx.fs()).run(args);
            case "readlink" -> new FileCommands(ctx).readlink(args);
            case "test", "[" -> new FileCommands(ctx).test(args);
            case "mkdir" -> new FileCommands(ctx).mkdir(args);
            case "rmdir" -> new FileCommands(ctx).rmdir(args);
            case "stat" -> new FileCommands(ctx).stat(args);
            case "date" -> date(args);
            case "mv" -> new MoveCommands(ctx).mv(args);
            case "cp" -> new MoveCommands(ctx).cp(args);
            case "rm" -> new MoveCommands(ctx).rm(args);
            case "df" -> new DiskFree(ctx).run(args);
            case "grep" -> grep(args, stdin);
            case "echo" -> Outcome.ok(String.join(" ", args) + "\n");
            case "true" -> Outcome.ok("");
            case "false" -> Outcome.fail(1, "");
            case "hostname" -> Outcome.ok(ctx.scenario().hostName() + "\n");
            case "reboot" -> new Outcome(0, "", "", Outcome.Effect.REBOOT);
            default -> Outcome.fail(127, "sh: " + name + ": command not found\n");
        };
    }

    /**
     * {@code date} (GNU's default format, UTC as on the hosts) and {@code date +%s} (seconds since the epoch)
     * [src: coreutils date.c]; other formats are not simulated.
     */
    private static Outcome date(List<String> args) {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        if (args.isEmpty()) {
            return Outcome.ok(java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy",
                    java.util.Locale.ENGLISH).format(now) + "\n");
        }
        if (args.equals(List.of("+%s"))) return Outcome.ok(now.toEpochSecond() + "\n");
        return Outcome.fail(1, "date: only 'date' and 'date +%s' are simulated\n");
    }

    /** {@code grep [-i] [-v] [-c] [-F] PATTERN} over the previous stage's output; exit 1 when nothing matched. */
    private static Outcome grep(List<String> args, String stdin) {
        String flags = String.join("", args.stream().filter(a -> a.startsWith("-")).toList());
        List<String> ops = FileCommands.operands(args);
        if (ops.isEmpty()) return Outcome.fail(2, "Usage: grep [OPTION]... PATTERN [FILE]...\n");
        Pattern p;
        int f = flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
        try {
            p = flags.contains("F") ? Pattern.compile(Pattern.quote(ops.get(0)), f) : Pattern.compile(ops.get(0), f);
        } catch (PatternSyntaxException e) {
            p = Pattern.compile(Pattern.quote(ops.get(0)), f);
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (String l : stdin.split("\n")) {
            if (stdin.isEmpty()) break;
            if (p.matcher(l).find() != flags.contains("v")) {
                out.append(l).append('\n');
                count++;
            }
        }
        return Outcome.of(count > 0 ? 0 : 1, flags.contains("c") ? count + "\n" : out.toString(), "");
    }
}
