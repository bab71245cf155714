package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.WINDOWS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.planfile.Digest;

/**
 * Saved plans are self-contained and tamper-evident: {@code apply FILE} needs no {@code -f} and works from any
 * directory, says why a plan cannot be applied, refuses a modified plan, and checks every safety rule on the live host
 * even when a tampered plan carries a recomputed digest.
 */
class SavedPlanIT {

    /** The hint {@code plan --out} prints, e.g. {@code apply it with: xenpt apply /tmp/x/plan.json}. */
    static final Pattern HINT = Pattern.compile("apply it with: xenpt (apply \\S+)\\)");

    @TempDir
    Path tmp;

    ApplyFixture f;

    @BeforeEach
    void host() throws Exception {
        f = new ApplyFixture(tmp).scenario(ApplyFixture::vgaHidden);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** A host named unlike anything in the repository's own desired-state/, reached as sim:wintermute. */
    private Path towerGetsTheVga() throws Exception {
        return f.desired("""
                version: 1
                hosts:
                  tower:
                    address: sim:wintermute
                    hide: [{address: 01:03.0, id: "1002:515e"}]
                    vms:
                      Windows Server 2012 R2:
                        pci: [01:03.0]
                """);
    }

    private static List<String> hintedArgs(String err) {
        Matcher m = HINT.matcher(err);
        assertThat(m.find()).as(err).isTrue();
        return List.of(m.group(1).split(" "));
    }

    @Test
    void thePrintedApplyCommandWorksAsPrintedWithoutTheDesiredState() throws Exception {
        Path desired = towerGetsTheVga();
        Path plan = tmp.resolve("plans/tower.json");
        assertThat(f.run("plan", "-f", desired.toString(), "--out", plan.toString())).as(f.output()).isZero();
        List<String> apply = hintedArgs(f.err());
        Files.delete(desired); // the plan holds what apply needs

        assertThat(f.run(apply.toArray(String[]::new))).as(f.output()).isZero();
        assertThat(f.err()).doesNotContain("stale");
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        assertThat(new JSONObject(f.journal().get(0)).getString("plan_id"))
                .isEqualTo(new JSONObject(Files.readString(plan)).getString("plan_id"));
    }

    @Test
    void aPlanSavedInOneDirectoryIsAppliedFromAnotherWithRelativePathsAndTheDefaultSimDirectory() throws Exception {
        // Two real processes: plan in a/ (relative --out, simulated state in a/.xenpt/sim), apply from b/.
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        try (ApplyFixture host = new ApplyFixture(a.resolve(".xenpt")).scenario(ApplyFixture::vgaHidden)) {
            Files.writeString(a.resolve("desired.yaml"), Files.readString(towerGetsTheVga()));
            Process plan = xenpt(a, "plan", "-f", "desired.yaml", "--out", "plan.json");
            String planErr = new String(plan.getErrorStream().readAllBytes());
            assertThat(plan.waitFor()).as(planErr).isZero();
            List<String> apply = hintedArgs(planErr);
            assertThat(apply.get(1)).isEqualTo(a.resolve("plan.json").toString());

            Process applied = xenpt(b, apply.toArray(String[]::new));
            String applyErr = new String(applied.getErrorStream().readAllBytes());
            assertThat(applied.waitFor()).as(applyErr).isZero();
            assertThat(host.pci(WINDOWS)).contains("0/0000:01:03.0");
            assertThat(b).isEmptyDirectory(); // no simulated host started afresh in b/.xenpt
        }
    }

    /** {@code java xenpt.cli.Main args} in {@code cwd}, without XENPT_SIM_DIR, its stdout discarded. */
    private Process xenpt(Path cwd, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "xenpt.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("XENPT_SIM_DIR");
        builder.environment().put("HOME", tmp.resolve("home").toString());
        return builder.start();
    }

    @Test
    void minusFWithAnotherDesiredStateIsRefused() throws Exception {
        Path desired = towerGetsTheVga();
        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", desired.toString(), "--out", plan.toString())).as(f.output()).isZero();
        Path other = f.desired(Files.readString(desired).replace("pci: [01:03.0]", "pci: []"));

        assertThat(f.run("apply", plan.toString(), "-f", other.toString())).isEqualTo(1);
        assertThat(f.err()).contains("the plan was made from another desired state than -f gives", "nothing was applied");
        assertThat(f.pci(WINDOWS)).isEmpty();

        Path spelledOtherwise = Path.of("").toAbsolutePath().relativize(desired); // same file, another path
        assertThat(f.run("apply", plan.toString(), "-f", spelledOtherwise.toString())).as(f.output()).isZero();
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
    }

    @Test
    void aPlanThatCannotBeAppliedSaysWhyAndNotThatItIsStale() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", towerGetsTheVga().toString(), "--out", plan.toString())).as(f.output()).isZero();
        JSONObject saved = new JSONObject(Files.readString(plan));

        JSONObject noHost = new JSONObject(saved.toString());
        noHost.getJSONObject("saved_plan").put("hosts", new JSONArray());
        noHost.put("digest", Digest.of(xenpt.json.JsonObject.parse(noHost.toString())));
        JSONObject version = new JSONObject(saved.toString()).put("format_version", "9");
        JSONObject section = new JSONObject(saved.toString());
        section.getJSONObject("saved_plan").put("version", "2");
        section.put("digest", Digest.of(xenpt.json.JsonObject.parse(section.toString())));
        JSONObject old = new JSONObject(saved.toString());
        old.remove("saved_plan");
        old.remove("digest");

        assertRefused(write("no-host.json", noHost.toString()), "has no saved settings for tower, which it changes");
        assertRefused(write("version.json", version.toString()), "format_version '9'; this xenpt reads format_version '1'");
        assertRefused(write("section.json", section.toString()), "saved_plan section has version '2'");
        assertRefused(write("old.json", old.toString()), "it has no saved_plan section");
        assertRefused(write("text.json", "plan: yes\n"), "not a saved xenpt plan: not a JSON object");
        assertRefused(tmp.resolve("missing.json"), "missing.json: no such file");
        assertRefused(Files.createDirectories(tmp.resolve("dir.json")), "cannot read the plan: not a regular file");
        Path unreadable = write("unreadable.json", saved.toString());
        Files.setPosixFilePermissions(unreadable, java.util.Set.of());
        if (!Files.isReadable(unreadable)) assertRefused(unreadable, "cannot read the plan: permission denied"); // not as root
        assertThat(f.pci(WINDOWS)).isEmpty();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }

    private void assertRefused(Path plan, String reason) throws Exception {
        assertThat(f.run("apply", plan.toString())).as(f.output()).isEqualTo(1);
        assertThat(f.err()).contains(reason).contains("nothing was applied").doesNotContain("stale");
    }

    @Test
    void aPlanMadeWithoutOutSaysThatApplyWillPlanAgainAndHowToSaveIt() throws Exception {
        Path desired = towerGetsTheVga();
        assertThat(f.run("plan", "-f", desired.toString())).as(f.output()).isZero();
        assertThat(f.err()).contains("this plan was not saved, so 'xenpt apply' will plan again and may do other things");
        List<String> printed = f.err().lines().filter(l -> l.startsWith("  xenpt ")).map(String::strip).toList();
        assertThat(printed).as("the note ends with the commands that save and apply this plan")
                .containsExactly("xenpt plan -f " + desired + " --out .xenpt/plan.json", "xenpt apply .xenpt/plan.json");

        assertThat(f.run("-o", "json", "plan", "-f", desired.toString())).as(f.output()).isZero();
        assertThat(new JSONObject(f.out()).getJSONArray("hosts").length()).isEqualTo(1); // stdout stays JSON
        assertThat(f.err()).contains("this plan was not saved");

        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", desired.toString(), "--out", plan.toString())).as(f.output()).isZero();
        assertThat(f.err()).doesNotContain("not saved");

        try {
            for (String command : printed) {
                String[] words = command.substring("xenpt ".length()).split(" ");
                assertThat(f.run(words)).as("runs as printed: " + command + "\n" + f.output()).isZero();
            }
            assertThat(f.out()).contains("Apply complete");
        } finally {
            Files.deleteIfExists(Path.of(".xenpt/plan.json"));
        }
    }

    /** The plan's hide change made to hide the management NIC (0d:00.0) and the root disk's controller (03:00.0). */
    private static JSONObject hideWhatDom0Needs(JSONObject plan) {
        JSONObject hide = plan.getJSONArray("hosts").getJSONObject(0).getJSONArray("changes").getJSONObject(0);
        assertThat(hide.getString("kind")).isEqualTo("hide");
        hide.getJSONArray("after_devices").put("0000:0d:00.0").put("0000:03:00.0");
        return plan;
    }

    @Test
    void aPlanEditedByHandIsRefusedAsModifiedAndNothingChanges() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", hideOnly().toString(), "--out", plan.toString())).as(f.output()).isZero();
        String grub = f.sh("cat", "/boot/grub/grub.cfg").stdout();
        Files.writeString(plan, hideWhatDom0Needs(new JSONObject(Files.readString(plan))).toString());

        assertThat(f.run("apply", plan.toString())).isEqualTo(1);
        assertThat(f.err()).contains("the plan was modified after it was saved", "nothing was applied");
        assertThat(f.sh("cat", "/boot/grub/grub.cfg").stdout()).isEqualTo(grub);
        assertThat(f.journal()).isEmpty();
    }

    @Test
    void aTamperedPlanWithARecomputedDigestIsRefusedByTheLiveSafetyCheck() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", hideOnly().toString(), "--out", plan.toString())).as(f.output()).isZero();
        String grub = f.sh("cat", "/boot/grub/grub.cfg").stdout();
        JSONObject tampered = hideWhatDom0Needs(new JSONObject(Files.readString(plan)));
        tampered.put("digest", Digest.of(xenpt.json.JsonObject.parse(tampered.toString())));
        Files.writeString(plan, tampered.toString());

        assertThat(f.run("apply", plan.toString())).as(f.output()).isEqualTo(1);
        assertThat(f.out()).contains("FAILED  check plan", "the plan breaks a safety rule on the live host",
                "0000:0d:00.0 is the management interface's NIC on tower",
                "0000:03:00.0 is the controller of the dom0 root disk on tower", "skipped hide tower");
        assertThat(f.sh("cat", "/boot/grub/grub.cfg").stdout()).isEqualTo(grub);
        assertThat(f.lockHeld()).isFalse();
        assertThat(new JSONObject(f.journal().get(0)).getString("result")).isEqualTo("failed");
    }

    /** Tower hides a second device (the VGA is already hidden by the scenario): a plan with one hide change. */
    private Path hideOnly() throws Exception {
        return f.desired("""
                version: 1
                hosts:
                  tower:
                    address: sim:wintermute
                    hide: [01:03.0, 0e:00.0]
                """);
    }
}
