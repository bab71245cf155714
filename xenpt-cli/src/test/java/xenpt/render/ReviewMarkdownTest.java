package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.desired.DesiredState;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.Intent;
import xenpt.desired.IntentDiff;
import xenpt.desired.SourceFile;

class ReviewMarkdownTest {

    static final ReviewFooter FOOTER = new ReviewFooter("desired-state", Optional.empty());

    static DesiredState fleet(int hosts, boolean assigned) {
        StringBuilder s = new StringBuilder("version: 1\nhosts:\n");
        for (int i = 0; i < hosts; i++) {
            s.append("  gpu-host-").append(String.format("%04d", i)).append(":\n    address: 192.0.2.1\n    hide: [");
            s.append(assigned ? "01:00.0, 01:00.1, 02:00.0, 02:00.1, 03:00.0]\n" : "]\n");
            if (assigned) {
                s.append("    vms:\n");
                s.append("      \"render | <b>node</b> ").append(i).append("\": {pci: [01:00.0, 01:00.1]}\n");
                s.append("      train-").append(i).append(": {pci: [02:00.0, 02:00.1, 03:00.0]}\n");
            }
        }
        return DesiredStateLoader.load(List.of(new SourceFile("f.yaml", s.toString().getBytes(StandardCharsets.UTF_8))))
                .state().orElseThrow();
    }

    @Test
    void aLargeFleetIsCutCleanlyUnderTheCommentLimit() {
        Intent intent = IntentDiff.between(fleet(600, false), fleet(600, true));
        String md = ReviewMarkdown.render(new ReviewView.Refs("origin/main", "HEAD"), intent, Optional.empty(), FOOTER);
        assertThat(md.length()).isLessThanOrEqualTo(ReviewMarkdown.LIMIT);
        assertThat(md).startsWith("<!-- xenpt:review -->\n### xenpt review\n\n**Intent of `origin/main → HEAD`: 4200 changes on 600 hosts.**");
        assertThat(md).contains("> [!WARNING]\n> ⚠️ **After merge and apply, 600 hosts need a reboot and 1200 VMs need a restart**");
        assertThat(md).as("long sections collapsed").contains("<details><summary><b>gpu-host-0000</b>: 7 changes</summary>")
                .doesNotContain("<details open>");
        assertThat(md).as("the footer survives the cut").endsWith(FOOTER.markdown())
                .contains("xenpt plan -f desired-state --out .xenpt/plan.json\nxenpt apply .xenpt/plan.json\n");
        assertThat(md).containsPattern("> \\[!NOTE]\n> This review was cut at \\d+ of \\d+ characters");
        assertThat(count(md, "<details")).isEqualTo(count(md, "</details>"));
        assertThat(md).doesNotContain("<b>node</b>").contains("render \\| &lt;b&gt;node&lt;/b&gt; 0");
        String beforeNote = md.substring(0, md.indexOf("> [!NOTE]"));
        assertThat(beforeNote).endsWith("\n\n");
        assertThat(beforeNote.lines().filter(l -> l.startsWith("|")).allMatch(l -> l.endsWith("|"))).as("no row cut in half").isTrue();
    }

    @Test
    void aSmallReviewIsNotCutAndAnEmptyIntentSaysSo() {
        Intent none = IntentDiff.between(fleet(2, true), fleet(2, true));
        String md = ReviewMarkdown.render(new ReviewView.Refs("a", "b"), none, Optional.empty(), FOOTER);
        assertThat(md).contains("no change to the desired state", "The desired state is the same at both refs.",
                "_Offline review: no host was contacted._").doesNotContain("[!NOTE]", "[!WARNING]");
        assertThat(ReviewMarkdown.cut("x\n".repeat(10), 100)).isEqualTo("x\n".repeat(10));
    }

    @Test
    void theFooterLinksTheCiRunNamedByTheEnvironmentAndQuotesThePath() {
        assertThat(ReviewFooter.runUrl(java.util.Map.of("GITHUB_SERVER_URL", "https://github.com/", "GITHUB_REPOSITORY", "o/r",
                "GITHUB_RUN_ID", "9"))).contains("https://github.com/o/r/actions/runs/9");
        assertThat(ReviewFooter.runUrl(java.util.Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_RUN_ID", "9")))
                .as("GitHub without the repository").isEmpty();
        assertThat(ReviewFooter.runUrl(java.util.Map.of("CI_JOB_URL", "https://gl.example/o/r/-/jobs/3"))).contains("https://gl.example/o/r/-/jobs/3");
        assertThat(ReviewFooter.runUrl(java.util.Map.of("CI_JOB_URL", ""))).isEmpty();
        assertThat(ReviewFooter.of("d", java.util.Map.of("CI_JOB_URL", "https://x/y) [z](javascript:1")).runUrl())
                .as("a value that would leave the link is dropped").isEmpty();
        ReviewFooter footer = ReviewFooter.of("my desired/state", java.util.Map.of("CI_JOB_URL", "https://gl.example/j/3"));
        assertThat(footer.markdown()).startsWith("---\n\n").contains("```sh\nxenpt plan -f 'my desired/state' --out .xenpt/plan.json\n"
                + "xenpt apply .xenpt/plan.json\n```", "<sub>[CI run](https://gl.example/j/3) · xenpt ");
        String md = ReviewMarkdown.render(new ReviewView.Refs("a", "b"), IntentDiff.between(fleet(1, false), fleet(1, true)),
                Optional.empty(), footer);
        assertThat(md).startsWith(ReviewFooter.MARKER + "\n").endsWith("\n\n" + footer.markdown());
    }

    @Test
    void existingDriftRowsNameAPinsHostAndSayWhatThePullRequestDoesWithThem() {
        xenpt.plan.Change pin = new xenpt.plan.Change.Pin("a", "vm-1", "win", Optional.empty(), "host-uuid-a", "pin it");
        xenpt.plan.Change hide = new xenpt.plan.Change.Hide("a", Optional.empty(), java.util.Set.of(),
                java.util.Set.of(xenpt.desired.PciAddress.parse("0e:00.0")), "hide it");
        xenpt.plan.Plan base = plan(new xenpt.plan.HostPlan("a", "sim:a", List.of(pin, hide), List.of(), List.of(), "f",
                List.of()));
        xenpt.plan.Plan head = plan(new xenpt.plan.HostPlan("a", "sim:a", List.of(pin), List.of(), List.of(), "f",
                List.of()));
        String md = ReviewMarkdown.render(new ReviewView.Refs("main", "HEAD"), IntentDiff.between(fleet(1, false), fleet(1, false)),
                Optional.of(new xenpt.plan.BaseAndHead(base, head)), FOOTER);
        assertThat(md).contains("| a | + | pin | a/win | — | `a (host-uuid-a)` | — | applied as it is |",
                "| a | + | hide | a | — | `(0000:0e:00.0)` | reboot required | changed by this pull request (see above) |",
                "_This pull request changes nothing on the live hosts._",
                "> ⚠️ **This pull request needs no reboot and no VM restart.**\n>\n> **Drift that already exists:** 2 changes on 1 host");
    }

    private static xenpt.plan.Plan plan(xenpt.plan.HostPlan host) {
        return new xenpt.plan.Plan(List.of(host), "id", "digest", Optional.empty());
    }

    private static int count(String s, String tag) {
        return s.split(java.util.regex.Pattern.quote(tag), -1).length - 1;
    }
}
