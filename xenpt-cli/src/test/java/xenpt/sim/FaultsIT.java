package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsIT {

    static final String WIN = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    static final String TOOL = "/opt/xensource/libexec/xen-cmdline";

    @TempDir
    Path dir;

    @Test
    void failsTheNthMatchingCommandOnce() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("f"));
                SshTestClient ssh = new SshTestClient(host)) {
            host.faults().failAt("^xe vm-param-set ", 2, "Error: injected failure");
            String set = "xe vm-param-set uuid=" + WIN + " other-config:pci=0/0000:01:03.0";
            assertThat(ssh.run("xe vm-list --minimal").exit()).isZero();
            assertThat(ssh.run(set).exit()).isZero();
            assertThat(ssh.run(set)).isEqualTo(new SshTestClient.Result(1, "", "Error: injected failure\n"));
            assertThat(ssh.run(set).exit()).isZero();
        }
    }

    @Test
    void faultsFileIsSharedWithAnotherServerOfTheSameHost() throws Exception {
        Path state = dir.resolve("shared");
        try (SimulatedHost a = SimulatedHost.start("wintermute", state);
                SimulatedHost b = SimulatedHost.start("wintermute", state);
                SshTestClient sb = new SshTestClient(b)) {
            a.faults().failAt("cat /proc/cmdline", 1, "boom");
            assertThat(sb.run("cat /proc/cmdline").err()).isEqualTo("boom\n");
        }
    }

    @Test
    void dropsTheConnectionAtTheNthMatchingCommand() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("d"))) {
            host.faults().dropAt("^mv ", 1);
            try (SshTestClient ssh = new SshTestClient(host)) {
                ssh.run("cp /boot/grub/grub.cfg /boot/grub/grub.cfg.new");
                assertThatThrownBy(() -> ssh.run("mv /boot/grub/grub.cfg.new /boot/grub/grub.cfg"))
                        .isInstanceOf(Exception.class);
            }
            try (SshTestClient again = new SshTestClient(host)) {
                assertThat(again.run("test -f /boot/grub/grub.cfg.new").exit()).isZero();
                assertThat(again.run("mv /boot/grub/grub.cfg.new /boot/grub/grub.cfg").exit()).isZero();
            }
        }
    }

    @Test
    void dropAfterRunsTheCommandAndLosesItsAnswer() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("da"))) {
            host.faults().dropAfter("^mkdir ", 1);
            try (SshTestClient ssh = new SshTestClient(host)) {
                assertThatThrownBy(() -> ssh.run("mkdir /tmp/made")).isInstanceOf(Exception.class);
            }
            try (SshTestClient again = new SshTestClient(host)) {
                assertThat(again.run("test -d /tmp/made").exit()).isZero();
            }
        }
    }

    @Test
    void aHangingCommandNeverRunsAndEndsWhenTheClientCloses() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("h"))) {
            host.faults().hangAt("^mkdir ", 1);
            SshTestClient ssh = new SshTestClient(host);
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    ssh.run("mkdir /tmp/hung");
                } catch (Exception e) {
                    // the connection is closed under it
                }
            });
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (host.faults().seen(0) < 1 && System.nanoTime() < deadline) Thread.sleep(10);
            Thread.sleep(200);
            assertThat(t.isAlive()).as("no answer while the client waits").isTrue();
            ssh.close();
            t.join(5_000);
            assertThat(t.isAlive()).isFalse();
            try (SshTestClient again = new SshTestClient(host)) {
                assertThat(again.run("test -e /tmp/hung").exit()).isEqualTo(1);
            }
        }
    }

    @Test
    void latencyDelaysEveryCommand() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("l"));
                SshTestClient ssh = new SshTestClient(host)) {
            host.faults().latency(300);
            long t0 = System.nanoTime();
            assertThat(ssh.run("cat /proc/cmdline").exit()).isZero();
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
            host.faults().clear();
        }
    }

    @Test
    void fullBootPartitionFailsWritesButNotRenames() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("xcpng82", dir.resolve("full"));
                SshTestClient ssh = new SshTestClient(host)) {
            String grub = ssh.run("cat /boot/grub/grub.cfg").out();
            assertThat(ssh.run("cp /boot/grub/grub.cfg /boot/grub/grub.cfg.bak").exit()).isZero();
            host.faults().bootDiskFull(true);
            assertThat(ssh.run("cp /boot/grub/grub.cfg /boot/grub/grub.cfg.new")).isEqualTo(new SshTestClient.Result(
                    1, "", "cp: error writing '/boot/grub/grub.cfg.new': No space left on device\n"));
            var tool = ssh.run(TOOL + " --set-dom0 'xen-pciback.hide=(0000:01:00.0)'");
            assertThat(tool.exit()).isEqualTo(1);
            assertThat(tool.err()).endsWith("IOError: [Errno 28] No space left on device\n");
            assertThatThrownBy(() -> ssh.sftp().put(new StringSource("x"), "/boot/grub/other.cfg"))
                    .isInstanceOf(IOException.class);
            assertThat(ssh.run("mkdir /boot/x").err()).contains("No space left on device");
            // xen-cmdline writes in place (xen-facts §11): open(path, 'w') truncated the file before the write failed.
            assertThat(ssh.run("cat /boot/grub/grub.cfg").out()).isEmpty();
            assertThat(ssh.run("df -P -k /boot/grub").out()).isEqualTo("Filesystem     1024-blocks      Used Available Capacity"
                    + " Mounted on\n/dev/sda1         18566144  18566144         0     100% /\n");
            assertThat(ssh.run("mv /boot/grub/grub.cfg.bak /boot/grub/grub.cfg").exit()).isZero();
            assertThat(ssh.run("cat /boot/grub/grub.cfg").out()).isEqualTo(grub);
            assertThat(ssh.run("cp /etc/xensource-inventory /tmp/inv").exit()).isZero();
        }
    }
}
