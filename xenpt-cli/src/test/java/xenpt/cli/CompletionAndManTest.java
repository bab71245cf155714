package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import xenpt.build.XenptVersion;

/** {@code --version}, {@code xenpt completion} and the man pages, all from the one picocli model. */
class CompletionAndManTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of(), args);
    }

    @Test
    void versionNamesTheProjectVersionAndJava() {
        assertThat(run("--version")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo(XenptVersion.current().banner(System.getProperty("java.version")) + "\n")
                .startsWith("xenpt " + XenptVersion.current().version() + " (")
                .doesNotContain("dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completionCoversSubcommandsOptionsAndEnumValues(String shell) {
        assertThat(run("completion", shell)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("plan", "force-unlock", "completion", "--detailed-exitcode",
                "--skip-unreachable", "markdown", "ZSH_VERSION");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void completionOfAnotherShellIsBadUsage() {
        assertThat(run("completion", "fish")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("xenpt: ");
    }

    /** Sources the script in bash and asks it, as bash would on TAB, to complete {@code xenpt pl} and {@code -o j}. */
    @Test
    void bashCompletesPlAndOutputFormats() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the completion script");
        assertThat(run("completion", "bash")).isEqualTo(ExitCode.OK);
        Path script = Files.writeString(dir.resolve("xenpt.bash"), out.toString());
        assertThat(bash("bash -n " + script)).isEmpty();
        String complete = ". " + script + "; COMP_WORDS=(%s); COMP_CWORD=%d; COMP_LINE='%s'; COMP_POINT=${#COMP_LINE};"
                + " _picocli_xenpt; printf '%%s\\n' \"${COMPREPLY[@]}\"";
        assertThat(bash(complete.formatted("xenpt pl", 1, "xenpt pl")).strip()).isEqualTo("plan");
        assertThat(bash(complete.formatted("xenpt plan -o j", 3, "xenpt plan -o j")).strip()).isEqualTo("json");
    }

    private static String bash(String code) throws IOException, InterruptedException {
        // stderr apart: outside a real TAB press bash's compopt complains that no completion is running
        Process p = new ProcessBuilder("/bin/bash", "-c", code).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void everyCommandHasAManPageWithEveryOptionItsHelpShows() {
        Map<String, String> pages = ManPages.pages();
        assertThat(pages).containsKeys("xenpt.1", "xenpt-plan.1", "xenpt-sim-serve.1", "xenpt-completion.1");
        CommandSpec root = CommandTree.whole(new Main(new PrintWriter(out), new PrintWriter(err), Map.of()))
                .getCommandSpec();
        checkPages(root, pages);
    }

    private void checkPages(CommandSpec spec, Map<String, String> pages) {
        String page = pages.get(ManPages.pageName(spec) + ".1");
        assertThat(page).as("page of %s", spec.qualifiedName()).isNotNull()
                .startsWith(".TH \"" + ManPages.pageName(spec).toUpperCase(java.util.Locale.ROOT) + "\" 1 ");
        String usage = spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            assertThat(usage).contains(o.longestName());
            assertThat(page).as("%s in %s", o.longestName(), spec.qualifiedName())
                    .contains("\\fB" + ManPages.escape(o.longestName()) + "\\fR")
                    .contains(ManPages.escape(o.description()[0]));
        }
        spec.subcommands().values().forEach(sub -> checkPages(sub.getCommandSpec(), pages));
    }

    @Test
    void manPagesAreWrittenToTheDirectory() throws IOException {
        ManPages.write(dir);
        assertThat(Files.readString(dir.resolve("xenpt-plan.1"))).contains(".SH SYNOPSIS", "\\-\\-detailed\\-exitcode",
                ".SH EXIT STATUS");
    }

    @Test
    void troffControlCharactersAreEscaped() {
        assertThat(ManPages.escape(".x \\y -z")).isEqualTo("\\&.x \\ey \\-z");
    }
}
