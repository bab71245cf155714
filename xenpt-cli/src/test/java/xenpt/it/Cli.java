package xenpt.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import xenpt.cli.JsonContract;

/** Runs xenpt in-process with simulated hosts kept under a test's own directory. */
public final class Cli {

    /** What one command run printed and returned. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {}

    /** Runs {@code xenpt args} with {@code XENPT_SIM_DIR=simDir} and {@code HOME=simDir} (no user files touched). */
    public static Result run(Path simDir, String... args) {
        return run(simDir, simDir, args);
    }

    /** Runs {@code xenpt args} with {@code HOME=home} and {@code XENPT_SIM_DIR=simDir}. */
    public static Result run(Path home, Path simDir, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("XENPT_SIM_DIR", simDir.toString());
        env.put("HOME", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JsonContract.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Result(exit, out.toString(), err.toString());
    }
}
