package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Terraform's single-dash long options are read as xenpt's; other single-dash words are refused with a working hint. */
class TerraformSpellingsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine root = CommandTree.whole(new Main(new PrintWriter(out), new PrintWriter(err), Map.of()));

    private String[] rewritten(String... args) {
        TerraformSpellings.Result r = TerraformSpellings.rewrite(root, args);
        assertThat(r).isInstanceOf(TerraformSpellings.Result.Args.class);
        return ((TerraformSpellings.Result.Args) r).args();
    }

    @Test
    void terraformSpellingsBecomeXenptOptions() {
        assertThat(rewritten("plan", "-out=plan.json", "-target=wintermute", "-detailed-exitcode", "-no-color"))
                .containsExactly("plan", "--out=plan.json", "--target=wintermute", "--detailed-exitcode", "--no-color");
        assertThat(rewritten("apply", "-auto-approve", "-lock-timeout=10m", "-target", "h1"))
                .containsExactly("apply", "--auto-approve", "--lock-timeout=10m", "--target", "h1");
    }

    @Test
    void shortOptionsAndWordsAfterDoubleDashStayAsTheyAre() {
        assertThat(rewritten("-ojson", "-o=json", "plan", "-vq", "-vo=json", "-fx.yaml"))
                .containsExactly("-ojson", "-o=json", "plan", "-vq", "-vo=json", "-fx.yaml");
        assertThat(rewritten("inspect", "--", "-odd-host")).containsExactly("inspect", "--", "-odd-host");
    }

    @Test
    void anUnknownSingleDashOptionIsRefusedWithTheHelpThatListsTheOptions() {
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of(), "plan", "-f", "x.yaml", "-lock=false");
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo("xenpt: unknown option '-lock=false' (xenpt's long options start with two"
                + " dashes, e.g. --out=FILE); the options are listed by: xenpt plan --help\n");
        String hint = err.toString().strip().replaceFirst(".*listed by: xenpt ", "");
        out.getBuffer().setLength(0);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(), hint.split(" ")))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: xenpt plan", "--out=FILE");
        assertThat(TerraformSpellings.rewrite(root, "plan", "-foo=1")).as("not -f oo=1")
                .isInstanceOf(TerraformSpellings.Result.Refused.class);
        assertThat(TerraformSpellings.helpCommand(root, "sim", "serve", "-x")).isEqualTo("xenpt sim serve --help");
    }

    @Test
    void singleDashLongOptionsWorkOnTheCommandLine() {
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of(),
                "validate", "-file=examples/wintermute.yaml", "-output=json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("{");
        assertThat(Arrays.asList(rewritten("show", "-output=markdown", "p.json"))).contains("--output=markdown");
    }
}
