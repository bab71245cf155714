package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.HOST_UUID;
import static xenpt.cli.ApplyFixture.WINDOWS;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through (reference/walkthrough.md) end to end on the simulated wintermute host, starting from nothing
 * hidden and no VM with pci. These need a hide change, so they run once the hide backends are merged.
 */
class ApplyWalkthroughIT {

    static final String HIDE = """
                hide:
                  - 0e:00.0
                  - address: 01:03.0
                    id: 1002:515e
            """;

    @TempDir
    Path tmp;

    ApplyFixture f;

    @BeforeEach
    void host() throws Exception {
        f = new ApplyFixture(tmp).scenario(yaml -> yaml);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Path desired(String policy, String hide, String pci) throws Exception {
        return f.desired("version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n"
                + (policy.isEmpty() ? "" : "    policy:\n" + policy) + hide
                + "    vms:\n      Windows Server 2012 R2:\n        uuid: " + WINDOWS + "\n        pci: " + pci + "\n");
    }

    @Test
    void walkthroughHidesAssignsPinsThenUndoes() throws Exception {
        Path file = desired("", HIDE, "[01:03.0]");
        assertThat(f.run("apply", "-f", file.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.out()).contains("done    hide wintermute", "done    assign wintermute/Windows Server 2012 R2",
                "done    pin wintermute/Windows Server 2012 R2");
        String grub = f.sh("cat", "/boot/grub/grub.cfg").stdout();
        assertThat(grub).contains("plymouth.ignore-serial-consoles xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)\n");
        assertThat(grub.split("xen-pciback.hide=", -1)).hasSize(2); // the other entries are left alone
        String backupName = f.sh("ls", "/boot/grub").stdout().lines()
                .filter(n -> n.startsWith("grub.cfg.xenpt-")).findFirst().orElseThrow();
        String original = f.sh("cat", "/boot/grub/" + backupName).stdout();
        assertThat(original).doesNotContain("xen-pciback.hide");
        String[] before = original.split("\n", -1);
        String[] after = grub.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.length; i++) {
            // Only the default entry's dom0 kernel line changes, and only by the appended argument.
            if (before[i].endsWith(ApplyFixture.DEFAULT_ENTRY_END) && before[i].contains("module2 /boot/vmlinuz")) {
                assertThat(after[i]).isEqualTo(before[i] + " xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)");
            } else {
                assertThat(after[i]).as("line %d", i + 1).isEqualTo(before[i]);
            }
        }
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        assertThat(f.param(WINDOWS, "affinity")).isEqualTo(HOST_UUID);
        assertThat(f.lockHeld()).isFalse();

        assertThat(f.run("plan", "-f", file.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        assertThat(f.out()).contains("pending reboot");
        assertThat(f.run("apply", "-f", file.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.journal()).singleElement().satisfies(line -> assertThat(new org.json.JSONObject(line)
                .getString("xenpt_version")).isEqualTo(xenpt.build.XenptVersion.current().recorded()));

        Path undo = desired("", "    hide: []\n", "[]");
        assertThat(f.run("apply", "-f", undo.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.pci(WINDOWS)).isEmpty();
        assertThat(f.sh("cat", "/boot/grub/grub.cfg").stdout()).doesNotContain("xen-pciback.hide");
        assertThat(f.run("plan", "-f", undo.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void rebootAutoAndVmRestartAutoConvergeWithTheVmRunningItsDevice() throws Exception {
        Path file = desired("      reboot: auto\n      vmRestart: auto\n", HIDE, "[01:03.0]");
        assertThat(f.run("apply", "-f", file.toString(), "--auto-approve", "--poll-interval", "100ms"))
                .as(f.output()).isZero();
        assertThat(f.out()).contains("done    hide wintermute", "done    reboot wintermute",
                "done    restart-vm wintermute/Windows Server 2012 R2");
        assertThat(f.sh("cat", "/proc/cmdline").stdout()).contains("xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)");
        assertThat(f.sh("ls", "/sys/bus/pci/drivers/pciback").stdout()).contains("0000:01:03.0", "0000:0e:00.0");
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        assertThat(f.lockHeld()).isFalse();

        assertThat(f.run("plan", "-f", file.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        assertThat(f.out()).contains("No changes. 1 host matches the desired state.").doesNotContain("pending reboot");
    }
}
