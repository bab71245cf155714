package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.HOST_UUID;
import static xenpt.cli.ApplyFixture.WINDOWS;
import static xenpt.cli.ApplyFixture.XOA;
import static xenpt.cli.ApplyFixture.windowsPci;

import java.nio.file.Path;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xenpt apply} against the simulated wintermute host: assignments, pins, prune, VM restarts, reboots, JSON. */
class ApplyCommandIT {

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

    @Test
    void assignmentsApplyThenPlanIsEmptyApplyAgainChangesNothingAndUndoRemovesTheKey() throws Exception {
        Path give = f.desired("", windowsPci("[01:03.0]"));
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.out()).contains("+ assign", "wintermute (sim:wintermute): applied",
                "done    assign wintermute/Windows Server 2012 R2: (none) → 0/0000:01:03.0",
                "done    pin wintermute/Windows Server 2012 R2", "Apply complete: 2 changes made on 1 host.");
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        assertThat(f.param(WINDOWS, "affinity")).isEqualTo(HOST_UUID);
        assertThat(f.lockHeld()).isFalse();

        assertThat(f.run("plan", "-f", give.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        assertThat(f.out()).contains("No changes. 1 host matches the desired state.");
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.err()).contains("no changes; nothing to apply");
        assertThat(f.out()).doesNotContain("Apply complete");
        assertThat(f.journal()).hasSize(1);

        Path undo = f.desired("", windowsPci("[]"));
        assertThat(f.run("apply", "-f", undo.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.out()).contains("assign wintermute/Windows Server 2012 R2: 0/0000:01:03.0 → (none)");
        assertThat(f.pci(WINDOWS)).isEmpty();
        assertThat(f.journal()).hasSize(2);
        assertThat(f.run("plan", "-f", undo.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void vmRestartAutoRestartsTheChangedRunningVmWithItsNewDevice() throws Exception {
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        String domBefore = f.param(WINDOWS, "dom-id");
        Path give = f.desired("      vmRestart: auto\n", windowsPci("[01:03.0]"));
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.out()).contains("done    restart-vm wintermute/Windows Server 2012 R2");
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.param(WINDOWS, "dom-id")).isNotEqualTo(domBefore);
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        assertThat(f.run("plan", "-f", give.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void pruneRemovesTheKeyOfAnUnlistedVmPinnedHere() throws Exception {
        assertThat(f.sh("xe", "vm-param-set", "uuid=" + XOA, "other-config:pci=0/0000:01:03.0", "affinity=" + HOST_UUID).ok()).isTrue();
        Path prune = f.desired("      prune: true\n", "");
        assertThat(f.run("apply", "-f", prune.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.out()).contains("assign wintermute/XOA 4.15 Free: 0/0000:01:03.0 → (none)");
        assertThat(f.pci(XOA)).isEmpty();
        assertThat(f.run("plan", "-f", prune.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void rebootAutoRebootsAHostPendingARebootAndVmRestartAutoBringsTheVmBack() throws Exception {
        String grub = f.sh("cat", "/boot/grub/grub.cfg").stdout();
        f.write("/boot/grub/grub.cfg", grub.replace(" xen-pciback.hide=(0000:01:03.0)",
                " xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)"));
        String bootId = f.sh("cat", "/proc/sys/kernel/random/boot_id").stdout().strip();
        Path file = f.desired("      reboot: auto\n      vmRestart: auto\n", windowsPci("[01:03.0]"));
        assertThat(f.run("apply", "-f", file.toString(), "--auto-approve", "--poll-interval", "100ms"))
                .as(f.output()).isZero();
        assertThat(f.out()).contains("done    reboot wintermute  # started again on this host: 'Windows Server 2012 R2'",
                "done    restart-vm wintermute/Windows Server 2012 R2  # started after the reboot");
        assertThat(f.err()).contains("wintermute: rebooting", "wintermute: back after the reboot");
        assertThat(f.sh("cat", "/proc/sys/kernel/random/boot_id").stdout().strip()).isNotEqualTo(bootId);
        assertThat(f.sh("ls", "/sys/bus/pci/drivers/pciback").stdout()).contains("0000:01:03.0", "0000:0e:00.0");
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.lockHeld()).isFalse();
        assertThat(f.run("plan", "-f", file.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void rebootWithManualVmRestartLeavesTheVmsHalted() throws Exception {
        String grub = f.sh("cat", "/boot/grub/grub.cfg").stdout();
        f.write("/boot/grub/grub.cfg", grub.replace("(0000:01:03.0)", "(0000:01:03.0)(0000:0e:00.0)"));
        Path file = f.desired("      reboot: auto\n", "");
        assertThat(f.run("apply", "-f", file.toString(), "--auto-approve", "--poll-interval", "100ms"))
                .as(f.output()).isZero();
        assertThat(f.out()).contains("left halted (vmRestart: manual), start by hand: 'Windows Server 2012 R2'");
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("halted");
        assertThat(f.run("plan", "-f", file.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void jsonReportListsStepsPerHostAndTheJournalRecordsTheApply() throws Exception {
        Path give = f.desired("", windowsPci("[01:03.0]"));
        assertThat(f.run("-o", "json", "apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        JSONObject j = new JSONObject(f.out());
        assertThat(j.getString("format_version")).isEqualTo("1");
        assertThat(j.getBoolean("failed")).isFalse();
        JSONObject host = j.getJSONArray("hosts").getJSONObject(0);
        assertThat(host.getString("result")).isEqualTo("applied");
        var steps = host.getJSONArray("steps");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < steps.length(); i++) names.add(steps.getJSONObject(i).getString("step"));
        assertThat(names)
                .containsExactly("lock", "check plan", "assign wintermute/Windows Server 2012 R2",
                        "pin wintermute/Windows Server 2012 R2", "journal", "unlock");
        assertThat(j.getJSONObject("summary").getInt("changes_done")).isEqualTo(2);
        assertThat(f.err()).contains("+ assign"); // the plan goes to stderr, so stdout is one JSON document

        JSONObject rec = new JSONObject(f.journal().get(0));
        assertThat(rec.getString("result")).isEqualTo("applied");
        assertThat(rec.isNull("error")).isTrue();
        assertThat(rec.isNull("commit")).isTrue();
        assertThat(rec.getString("plan_id")).isEqualTo(j.getString("plan_id"));
        assertThat(rec.getString("desired_digest")).hasSize(64);
        assertThat(rec.getString("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(rec.getJSONArray("changes").length()).isEqualTo(2);
        JSONObject assign = rec.getJSONArray("changes").getJSONObject(0);
        assertThat(assign.getString("kind")).isEqualTo("assign");
        assertThat(assign.getString("target")).isEqualTo("wintermute/Windows Server 2012 R2");
        assertThat(assign.isNull("before")).isTrue();
        assertThat(assign.getString("after")).isEqualTo("0/0000:01:03.0");
    }

    @Test
    void aFailedPlanIsNeverApplied() throws Exception {
        Path nic = f.desired("", windowsPci("[0e:00.0]"));
        assertThat(f.run("apply", "-f", nic.toString(), "--auto-approve")).isEqualTo(1);
        assertThat(f.err()).contains("the plan failed; nothing was applied");
        assertThat(f.pci(WINDOWS)).isEqualTo(Optional.empty());
        assertThat(f.journal()).isEmpty();
    }
}
