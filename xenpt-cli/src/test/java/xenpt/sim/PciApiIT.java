package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PciApiIT {

    @TempDir
    Path dir;

    @Test
    void dom0AccessFollowsTheBootFileAndTheRunningKernel() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("xcpng83", dir.resolve("p"))) {
            host.setRebootDelay(Duration.ofMillis(200));
            String gpu;
            try (SshTestClient ssh = new SshTestClient(host)) {
                assertThat(ssh.run("xe pci-list params=pci-id --minimal").out()).isEqualTo(
                        "0000:02:00.0,0000:02:00.1,0000:04:00.0,0000:0b:00.0,0000:0b:00.1\n");
                gpu = ssh.run("xe pci-list pci-id=0000:0b:00.0 --minimal").out().strip();
                assertThat(ssh.run("xe pci-list pci-id=0000:0b:00.0 params=dependencies --minimal").out())
                        .isEqualTo("0000:0b:00.1\n");
                assertThat(ssh.run("xe pci-get-dom0-access-status uuid=" + gpu).out()).isEqualTo("enabled\n");
                assertThat(ssh.run("xe pci-disable-dom0-access uuid=" + gpu).out()).isEqualTo("disable_on_reboot\n");
                assertThat(ssh.run("/opt/xensource/libexec/xen-cmdline --get-dom0 xen-pciback.hide").out())
                        .isEqualTo("xen-pciback.hide=(0000:0b:00.0)\n");
                ssh.run("reboot");
            }
            try (SshTestClient back = RebootAndStateIT.waitForSsh(host)) {
                assertThat(back.run("xe pci-get-dom0-access-status uuid=" + gpu).out()).isEqualTo("disabled\n");
                assertThat(back.run("xe pci-enable-dom0-access uuid=" + gpu).out()).isEqualTo("enable_on_reboot\n");
                assertThat(back.run("/opt/xensource/libexec/xen-cmdline --get-dom0 xen-pciback.hide").out())
                        .isEqualTo("\n");
                assertThat(back.run("xe pci-get-dom0-access-status uuid=00000000-0000-0000-0000-000000000000").err())
                        .startsWith("The uuid you supplied was invalid.\ntype: PCI\n");
            }
        }
    }
}
