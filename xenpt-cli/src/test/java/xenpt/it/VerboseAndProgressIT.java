package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.cli.Main;

/** {@code -v} traces every command sent to a host; progress is one live line on a terminal, none with {@code -q}. */
class VerboseAndProgressIT {

    static final String WALKTHROUGH = "examples/wintermute.yaml";

    @TempDir
    Path dir;

    @Test
    void verboseShowsEachCommandWithItsExitStatusAndDurationOnStderr() {
        Cli.Result r = Cli.run(dir, "plan", "-v", "-f", WALKTHROUGH);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("(?m)^wintermute: \\S.* → exit 0 in \\d+ ms$")
                .containsPattern("(?m)^wintermute: .*xe .* → exit \\d+ in \\d+ ms$");
        assertThat(r.out()).doesNotContain("→ exit");
        Cli.Result quietly = Cli.run(dir, "plan", "-f", WALKTHROUGH);
        assertThat(quietly.err()).doesNotContain("→ exit");
    }

    @Test
    void quietPrintsNoProgress() {
        Cli.Result r = Cli.run(dir, "plan", "--quiet", "-f", WALKTHROUGH);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("observing", "wintermute:");
        assertThat(r.out()).contains("Plan: 3 changes on 1 host");
    }

    @Test
    void onATerminalPlanAndApplyShowOneLiveLineWithACounterAndClearIt() {
        Terminal plan = Terminal.run(dir, "plan", "-f", WALKTHROUGH);
        assertThat(plan.exit).as(plan.err).isZero();
        assertThat(plan.err).contains("\r\033[Kobserving 0/1 … waiting on wintermute")
                .contains("\r\033[Kobserving 1/1 · wintermute: observed in ");
        String progress = plan.err.substring(0, plan.err.indexOf("xenpt: note:"));
        assertThat(progress).endsWith("\r\033[K").doesNotContain("\n");

        Terminal apply = Terminal.run(dir, "apply", "--auto-approve", "-f", WALKTHROUGH);
        assertThat(apply.exit).as(apply.err + apply.out).isZero();
        assertThat(apply.err).contains("\r\033[Kapplying 0/1 … waiting on wintermute · wintermute: ")
                .contains("\r\033[Kapplying 1/1").endsWith("\r\033[K");
    }

    @Test
    void theQuestionAndTheProgressCountChangesAndHostsInTheSingularToo() throws Exception {
        Terminal cancelled = Terminal.typing(dir, "no\n", "apply", "-f", WALKTHROUGH);
        assertThat(cancelled.err).contains("Apply 3 changes to 1 host? Only 'yes' is accepted: ");
        Path one = Files.writeString(dir.resolve("one.yaml"),
                "version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    hide:\n      - 0e:00.0\n");
        Terminal applied = Terminal.typing(dir, "yes\n", "apply", "-f", one.toString());
        assertThat(applied.exit).as(applied.err + applied.out).isZero();
        assertThat(applied.err).contains("Apply 1 change to 1 host? ", "wintermute: applying 1 change")
                .doesNotContain("1 changes", "1 hosts");
    }

    /** A run whose standard input and stderr are a terminal. */
    private record Terminal(int exit, String out, String err) {
        static Terminal run(Path dir, String... args) {
            return typing(dir, "", args);
        }

        static Terminal typing(Path dir, String typed, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Main.Input tty = new Main.Input(new BufferedReader(new StringReader(typed)), true);
            int exit = Main.run(tty, new PrintWriter(out), new PrintWriter(err),
                    Map.of("XENPT_SIM_DIR", dir.toString(), "HOME", dir.toString()), args);
            return new Terminal(exit, out.toString(), err.toString());
        }
    }
}
