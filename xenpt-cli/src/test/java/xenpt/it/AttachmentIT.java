package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;

/**
 * The end-to-end passthrough check against simulated hosts (docs/attachment.md): drift and plan report a managed VM
 * that runs without its devices as not-attached, and apply fails a VM start whose domain does not hold them.
 */
class AttachmentIT {

    static final String GPU_VM = "3d8f1a6c-2b4e-4c5a-9e7d-8f6a5b4c3d2e";

    @TempDir
    Path dir;

    private Path desired(String scenario, String pci, String vmRestart) throws Exception {
        Path f = dir.resolve("desired.yaml");
        Files.writeString(f, """
                version: 1
                defaults:
                  policy: {reboot: manual, vmRestart: %s, prune: false}
                hosts:
                  gpu:
                    address: sim:%s
                    hide: [0b:00.0, 0b:00.1]
                    vms:
                      gpu-workstation:
                        uuid: %s
                        pci: [%s]
                """.formatted(vmRestart, scenario, GPU_VM, pci));
        return f;
    }

    @Test
    void aVmStartedBeforeItsPciWasSetIsNotAttachedInDriftAndPlan() throws Exception {
        Path f = desired("doctor-not-attached", "0b:00.0, 0b:00.1", "manual");
        Cli.Result drift = Cli.run(dir, "drift", "-f", f.toString());
        assertThat(drift.exit()).as(drift.toString()).isEqualTo(2);
        assertThat(drift.out()).contains("not-attached", "vm 'gpu-workstation'",
                "does not hold 0000:0b:00.0 and 0000:0b:00.1");
        Cli.Result plan = Cli.run(dir, "-o", "json", "plan", "-f", f.toString());
        assertThat(plan.out()).as(plan.toString()).contains("\"not-attached\"");
    }

    @Test
    void aVmHoldingItsDevicesHasNoDrift() throws Exception {
        Cli.Result drift = Cli.run(dir, "drift", "-f", desired("doctor-healthy", "0b:00.0, 0b:00.1", "manual").toString());
        assertThat(drift.exit()).as(drift.toString()).isZero();
        assertThat(drift.out()).doesNotContain("not-attached");
    }

    @Test
    void applyChecksThatARestartedVmHoldsItsDevices() throws Exception {
        Path f = desired("doctor-healthy", "0b:00.0", "auto");
        Cli.Result ok = Cli.run(dir, "apply", "--auto-approve", "-f", f.toString());
        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(Cli.run(dir, "drift", "-f", f.toString()).exit()).isZero();

        try (SimulatedHost sim = SimulatedHost.start("doctor-healthy", dir.resolve("doctor-healthy"))) {
            sim.faults().startsWithoutPci(true);
        }
        Cli.Result bad = Cli.run(dir, "apply", "--auto-approve", "-f", desired("doctor-healthy", "0b:00.0, 0b:00.1", "auto").toString());
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.out() + bad.err()).contains("VM 'gpu-workstation' started but its domain",
                "does not hold 0000:0b:00.0 and 0000:0b:00.1");
    }
}
