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
        assertThat(run("plan", "-f", "examples/wintermute.yaml", "--parallelism", "0")).isEqualTo(ExitCode.ERROR);
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

    @Test
    void simAloneListsItsCommandsOnStderrAndExits1() {
        assertThat(run("sim")).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("Usage: xenpt sim", "Commands:", "serve");
    }

    @Test
    void eachCommandsHelpShowsOnlyTheSharedOptionsThatApplyToIt() {
        assertThat(help("validate")).contains("--output", "--no-color", "--verbose")
                .doesNotContain("--parallelism", "--accept-new-host-keys", "--quiet");
        assertThat(help("show")).contains("--output").doesNotContain("--parallelism", "--accept-new-host-keys");
        assertThat(help("inspect")).contains("--output", "--accept-new-host-keys", "--quiet").doesNotContain("--parallelism");
        assertThat(help("import")).contains("--accept-new-host-keys", "--verbose").doesNotContain("--output", "--parallelism");
        assertThat(help("sim", "serve")).contains("--verbose").doesNotContain("--output", "--accept-new-host-keys");
        assertThat(help("completion")).doesNotContain("--output", "--verbose", "--parallelism");
        for (String fleet : new String[] {"plan", "apply", "drift", "review"}) {
            assertThat(help(fleet)).as(fleet).contains("--output", "--no-color", "--verbose", "--quiet", "--parallelism",
                    "--accept-new-host-keys");
        }
        assertThat(help()).contains("--output", "--verbose", "--parallelism", "--accept-new-host-keys");
    }

    @Test
    void sharedOptionsCountBeforeOrAfterTheCommandNameAndOnlyWhereTheyApply() {
        assertThat(run("-o", "json", "validate", "-f", "examples/wintermute.yaml")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("{");
        out.getBuffer().setLength(0);
        assertThat(run("validate", "-f", "examples/wintermute.yaml", "-o", "json")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("{");
        assertThat(run("validate", "-f", "examples/wintermute.yaml", "--parallelism", "4")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo("xenpt: validate takes no --parallelism; it is an option of: plan, apply,"
                + " drift, review\nTry 'xenpt validate --help' for usage.\n");
    }

    private String help(String... command) {
        out.getBuffer().setLength(0);
        String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = "--help";
        assertThat(run(args)).isEqualTo(ExitCode.OK);
        return out.toString();
    }

    @Test
    void countsInSentencesAgreeWithTheirNouns() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nhosts:\n  a:\n    address: sim:wintermute\n    bogus: 1\n");
        assertThat(run("plan", "-f", bad.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("xenpt: the desired state is invalid (1 error); no host was contacted");
    }

    @Test
    void validateWritesMarkdownWithTheVerdictAndADiagnosticsTable() throws IOException {
        assertThat(run("validate", "-o", "markdown", "-f", "examples/wintermute.yaml")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("### xenpt validate\n\n**Valid: 1 host, 2 hidden devices, 1 VM assignment.**");
        out.getBuffer().setLength(0);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nhosts:\n  a:\n    address: sim:wintermute\n    bogus: 1\n");
        assertThat(run("validate", "-o", "markdown", "-f", bad.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).startsWith("### xenpt validate\n\n**Invalid: 1 error, 0 warnings.**")
                .contains("| where | severity | problem | expected |\n|---|---|---|---|\n| `" + bad + ":5:5` | error | ");
    }
}
