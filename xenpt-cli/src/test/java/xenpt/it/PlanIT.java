package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}, {@code show} and {@code drift} against simulated hosts, through the command line. */
class PlanIT {

    static final Path WALKTHROUGH = Path.of("examples/wintermute.yaml");

    @TempDir
    Path dir;

    @Test
    void walkThroughPlansExactlyTheManualProcedure() {
        Cli.Result r = Cli.run(dir, "-o", "json", "plan", "-f", WALKTHROUGH.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        JSONObject host = new JSONObject(r.out()).getJSONArray("hosts").getJSONObject(0);
        JSONArray changes = host.getJSONArray("changes");
        assertThat(changes.length()).isEqualTo(3);

        JSONObject hide = changes.getJSONObject(0);
        assertThat(hide.getString("kind")).isEqualTo("hide");
        assertThat(hide.getString("after")).isEqualTo("(0000:01:03.0)(0000:0e:00.0)");
        assertThat(hide.getJSONArray("needs").toList()).containsExactly("reboot");

        JSONObject assign = changes.getJSONObject(1);
        assertThat(assign.getString("kind")).isEqualTo("assign");
        assertThat(assign.getString("target")).contains("Windows Server 2012 R2");
        assertThat(assign.getString("after")).isEqualTo("0/0000:01:03.0");
        assertThat(assign.getJSONArray("needs").toList()).containsExactly("vm-restart");

        JSONObject pin = changes.getJSONObject(2);
        assertThat(pin.getString("kind")).isEqualTo("pin");
        assertThat(pin.getString("target")).contains("Windows Server 2012 R2");
    }

    @Test
    void textPlanSaysWhatEachChangeNeedsAndDetailedExitCodeSignalsChanges() {
        Cli.Result plain = Cli.run(dir, "plan", "-f", WALKTHROUGH.toString());
        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).contains("reboot required", "VM restart required",
                "Plan: 3 changes on 1 host; 1 needs a reboot.");
        assertThat(plain.err()).contains("observing wintermute");

        Cli.Result detailed = Cli.run(dir, "plan", "--detailed-exitcode", "-f", WALKTHROUGH.toString());
        assertThat(detailed.exit()).isEqualTo(2);
    }

    @Test
    void driftReportsBootConfigAndAssignmentAndExitsTwo() throws Exception {
        Path report = dir.resolve("drift.json");
        Cli.Result r = Cli.run(dir, "drift", "-f", WALKTHROUGH.toString(), "--report", report.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("boot-config", "assignment");
        String json = Files.readString(report);
        assertThat(json).contains("\"boot-config\"", "\"assignment\"");
    }

    @Test
    void driftInMarkdownIsMarkdownNotText() {
        Cli.Result r = Cli.run(dir, "drift", "-f", WALKTHROUGH.toString(), "-o", "markdown");
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).startsWith("### xenpt drift\n\n**Drift: 3 differences on 1 host")
                .contains("| boot-config | wintermute | the boot hide list is absent;");
    }

    @Test
    void savedPlanIsPrivateAndShowRendersIt() throws Exception {
        Path saved = dir.resolve("plans/wintermute.plan.json");
        Cli.Result r = Cli.run(dir, "plan", "-f", WALKTHROUGH.toString(), "--out", saved.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
        assertThat(Files.readString(saved)).contains("\"format_version\": \"1\"").doesNotContain("BEGIN OPENSSH")
                .contains("\"xenpt_version\": \"" + xenpt.build.XenptVersion.current().recorded() + "\"");

        Cli.Result shown = Cli.run(dir, "show", saved.toString());
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).isEqualTo(r.out());
        Cli.Result md = Cli.run(dir, "-o", "markdown", "show", saved.toString());
        assertThat(md.out()).contains("|", "reboot");
    }

    @Test
    void unchangedHostsAreOneLineUnlessShowUnchangedInPlanShowAndDrift() throws Exception {
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, """
                version: 1
                hosts:
                  wintermute:
                    address: sim:wintermute
                    hide: [0e:00.0]
                  xcpng83:
                    address: sim:xcpng83
                    hide: []
                """);
        Path saved = dir.resolve("plan.json");
        Cli.Result plan = Cli.run(dir, "plan", "-f", file.toString(), "--out", saved.toString());
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("wintermute (sim:wintermute)\n", "\n1 host unchanged (--show-unchanged lists them)\n")
                .doesNotContain("xcpng83");
        Cli.Result all = Cli.run(dir, "plan", "-f", file.toString(), "--show-unchanged");
        assertThat(all.out()).contains("wintermute (", "xcpng83 (sim:xcpng83)\n  matches the desired state\n")
                .doesNotContain("unchanged");
        assertThat(new JSONObject(Cli.run(dir, "-o", "json", "show", saved.toString()).out()).getJSONArray("hosts").length())
                .as("JSON keeps every host").isEqualTo(2);

        assertThat(Cli.run(dir, "-o", "markdown", "show", saved.toString()).out())
                .contains("1 host unchanged (`--show-unchanged` lists them).").doesNotContain("xcpng83");
        assertThat(Cli.run(dir, "-o", "markdown", "show", saved.toString(), "--show-unchanged").out())
                .contains("<details><summary>1 host unchanged</summary>\n\n- xcpng83 (`sim:xcpng83`)\n");

        Cli.Result drift = Cli.run(dir, "drift", "-f", file.toString());
        assertThat(drift.exit()).as(drift.toString()).isEqualTo(2);
        assertThat(drift.out()).contains("1 host matches the desired state (--show-unchanged lists them)")
                .doesNotContain("xcpng83");
        assertThat(Cli.run(dir, "drift", "-f", file.toString(), "--show-unchanged").out())
                .contains("xcpng83 (sim:xcpng83)\n", "  matches the desired state\n");
    }

    @Test
    void hidingTheManagementNicOrRootDiskControllerFailsThePlanNamingDeviceAndReason() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                version: 1
                hosts:
                  wintermute:
                    address: sim:wintermute
                    hide: [0d:00.0]
                  xcpng83:
                    address: sim:xcpng83
                    hide: [04:00.0]
                """);
        Cli.Result r = Cli.run(dir, "plan", "-f", file.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("0000:0d:00.0", "management").contains("0000:04:00.0", "root disk");
    }

    @Test
    void anUnreachableHostIsReportedWhileTheOthersArePlannedAndTheRunExitsOne() throws Exception {
        Path file = dir.resolve("fleet.yaml");
        Files.writeString(file, """
                version: 1
                hosts:
                  gone:
                    address: 127.0.0.1
                    ssh: {port: 1}
                  wintermute:
                    address: sim:wintermute
                    hide: [0e:00.0]
                """);
        Cli.Result r = Cli.run(dir, "plan", "-f", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("gone", "unreachable").contains("wintermute", "(0000:0e:00.0)");
    }

    @Test
    void targetLimitsThePlanToOneHostOrOneVm() throws Exception {
        Cli.Result host = Cli.run(dir, "plan", "-f", "examples/fleet", "--target", "xs71-uefi");
        assertThat(host.exit()).as(host.toString()).isZero();
        assertThat(host.out()).contains("xs71-uefi").doesNotContain("wintermute");
        assertThat(host.err()).doesNotContain("observing wintermute");

        Cli.Result vm = Cli.run(dir, "plan", "-f", WALKTHROUGH.toString(), "--target", "wintermute/Windows Server 2012 R2");
        assertThat(vm.exit()).isZero();
        assertThat(vm.out()).as("the VM's device is not hidden yet: the hide change comes with it").contains("assign", "+ hide");
        assertThat(vm.err()).contains("resource targeting is in effect");
        String hint = vm.err().substring(vm.err().indexOf("run: xenpt ") + "run: xenpt ".length()).lines().findFirst()
                .orElseThrow().strip();
        Cli.Result whole = Cli.run(dir, hint.split(" "));
        assertThat(whole.exit()).as("the hint runs as printed: " + hint).isZero();
        assertThat(whole.out()).contains("+ hide", "+ assign", "+ pin");

        Cli.Result unknown = Cli.run(dir, "plan", "-f", WALKTHROUGH.toString(), "--target", "nosuchhost");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("nosuchhost");
    }

    @Test
    void invalidDesiredStateContactsNoHost() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    hide: [01:03.9]\n");
        Cli.Result r = Cli.run(dir, "plan", "-f", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("broken.yaml:5:", "function").doesNotContain("observing");
        assertThat(dir.resolve("wintermute")).doesNotExist();
    }
}
