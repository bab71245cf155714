package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet with one host down: by default nothing is applied; with {@code --skip-unreachable} the reachable host is
 * planned and applied, the unreachable one is listed, and the exit code is 1.
 */
class SkipUnreachableIT {

    @TempDir
    Path dir;

    Path fleet;

    @BeforeEach
    void fleet() throws Exception {
        fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, """
                version: 1
                hosts:
                  gone:
                    address: 127.0.0.1
                    ssh: {port: 1}
                    hide: [01:00.0]
                  wintermute:
                    address: sim:wintermute
                    hide: [0e:00.0]
                """);
    }

    private String bootHideList() {
        Cli.Result r = Cli.run(dir, "-o", "json", "plan", "-f", fleet.toString(), "--target", "wintermute");
        var facts = new JSONObject(r.out()).getJSONArray("hosts").getJSONObject(0).getJSONArray("facts");
        for (int i = 0; i < facts.length(); i++) {
            if (facts.getJSONObject(i).getString("field").equals("boot-hide-list")) return facts.getJSONObject(i).getString("value");
        }
        throw new AssertionError("no boot-hide-list fact in " + facts);
    }

    @Test
    void planByDefaultFailsAndSaysSoFirstAndWithTheOptionPlansTheOthersAndStillExitsOne() {
        Cli.Result plain = Cli.run(dir, "plan", "-f", fleet.toString());
        assertThat(plain.exit()).isEqualTo(1);
        assertThat(plain.out()).contains("gone", "unreachable").doesNotContain("No changes");
        assertThat(plain.err()).contains("--skip-unreachable goes on with the others");

        Cli.Result md = Cli.run(dir, "-o", "markdown", "plan", "-f", fleet.toString());
        assertThat(md.out()).startsWith("### xenpt plan\n\n> [!CAUTION]\n> ⛔ **The plan failed: 1 host unreachable");

        Path saved = dir.resolve("plan.json");
        Cli.Result skip = Cli.run(dir, "plan", "-f", fleet.toString(), "--skip-unreachable", "--out", saved.toString());
        assertThat(skip.exit()).as(skip.toString()).isEqualTo(1);
        assertThat(skip.out()).contains("wintermute", "(0000:0e:00.0)").doesNotContain("gone").doesNotContain("failed");
        assertThat(skip.err()).contains("--skip-unreachable: 1 host left out, not planned and not changed",
                "gone (127.0.0.1): ");

        Cli.Result both = Cli.run(dir, "apply", saved.toString(), "-f", fleet.toString(), "--skip-unreachable");
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).contains("--skip-unreachable is for making the plan (plan --skip-unreachable --out FILE)");

        Cli.Result apply = Cli.run(dir, "apply", saved.toString(), "-f", fleet.toString());
        assertThat(apply.exit()).as("a plan saved with --skip-unreachable applies to the reachable hosts: " + apply)
                .isZero();
        assertThat(bootHideList()).isEqualTo("(0000:0e:00.0)");
    }

    @Test
    void applyByDefaultRefusesTheWholeFleetAndWithTheOptionAppliesTheReachableHostAndExitsOne() {
        Cli.Result refused = Cli.run(dir, "-o", "json", "apply", "-f", fleet.toString(), "--auto-approve");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(new JSONObject(refused.out()).getString("outcome")).isEqualTo("refused");
        assertThat(refused.err()).contains("nothing was applied (1 host unreachable; --skip-unreachable goes on with the others)");
        assertThat(bootHideList()).isEmpty();

        Cli.Result r = Cli.run(dir, "-o", "json", "apply", "-f", fleet.toString(), "--auto-approve", "--skip-unreachable");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JSONObject j = new JSONObject(r.out());
        assertThat(j.getString("outcome")).isEqualTo("failed");
        var hosts = j.getJSONArray("hosts");
        assertThat(hosts.getJSONObject(0).getString("name")).isEqualTo("gone");
        assertThat(hosts.getJSONObject(0).getString("result")).isEqualTo("unreachable");
        assertThat(hosts.getJSONObject(0).getString("error")).contains("gone: unreachable, left out (--skip-unreachable)");
        assertThat(hosts.getJSONObject(1).getString("result")).isEqualTo("applied");
        assertThat(j.getJSONArray("next_steps").getJSONObject(0).getString("kind")).isEqualTo("reboot");
        assertThat(bootHideList()).isEqualTo("(0000:0e:00.0)");

        Cli.Result text = Cli.run(dir, "apply", "-f", fleet.toString(), "--auto-approve", "--skip-unreachable");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("gone (127.0.0.1): unreachable", "\n1 host unchanged: nothing to apply there\n")
                .doesNotContain("wintermute (sim:wintermute): unchanged");
    }
}
