package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every command shares (SPEC §2): help with the exit codes, exit 1 for bad usage, clear file errors. */
class CommandLineSurfaceTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of(), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "inspect", "plan", "apply", "drift", "show", "review", "import", "sim",
        "force-unlock"})
    void everyCommandPrintsItsHelpWithTheExitCodes(String command) {
        assertThat(run(command, "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: xenpt " + command)
                .contains("Exit codes:")
                .contains("2   success with changes present");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan --bogus", "show", "frobnicate", "plan -o yaml", "inspect a --address sim:xs65",
        "force-unlock", "force-unlock a b"})
    void badUsageExitsOneNotPicocliTwo(String line) {
        assertThat(run(line.split(" "))).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("xenpt: ");
    }

    @Test
    void parallelismBelowOneIsBadUsage() {
        assertThat(run("validate", "-f", "examples/wintermute.yaml", "--parallelism", "0")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("xenpt: --parallelism must be at least 1, not 0\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void showOfAFileThatIsNoPlanSaysSoOnce() throws IOException {
        Path notAPlan = Files.writeString(dir.resolve("x.json"), "[]");
        assertThat(run("show", notAPlan.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo("xenpt: " + notAPlan + ": not a saved xenpt plan: "
                + "A JSONObject text must begin with '{' at 1 [character 2 line 1]\n");
    }

    @Test
    void showOfADirectoryNamesTheFile() {
        assertThat(run("show", dir.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("xenpt: " + dir + ": cannot read the plan: ");
    }

    @Test
    void xenptWithoutACommandPrintsItsUsageOnStderrAndExits1() {
        assertThat(run()).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("Usage: xenpt", "plan", "apply");
    }

    @Test
    void aMistypedCommandSuggestsTheClosestCommand() {
        assertThat(run("paln")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("Did you mean: xenpt plan?").doesNotContain("validate");
        assertThat(run("sim", "serv")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("Did you mean: xenpt sim serve?");
    }

    @Test
    void colourFollowsNoColorWhenSetAndNonEmptyAndTermDumb() {
        assertThat(Main.colorAllowed(false, Map.of())).isTrue();
        assertThat(Main.colorAllowed(true, Map.of())).isFalse();
        assertThat(Main.colorAllowed(false, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Main.colorAllowed(false, Map.of("NO_COLOR", ""))).as("no-color.org: set and non-empty").isTrue();
        assertThat(Main.colorAllowed(false, Map.of("TERM", "dumb"))).isFalse();
        assertThat(Main.colorAllowed(false, Map.of("TERM", "xterm-256color"))).isTrue();
    }
}
