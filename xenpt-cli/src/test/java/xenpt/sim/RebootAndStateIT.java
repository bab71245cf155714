package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebootAndStateIT {

    static final String WIN = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    static final String GPU_VM = "7697924b-a101-0a70-d775-5070cc8aa09b";

    @TempDir
    Path dir;

    @Test
    void stateIsSharedByTwoHostsOnOneStateDirectory() throws Exception {
        Path state = dir.resolve("w");
        try (SimulatedHost a = SimulatedHost.start("wintermute", state);
                SimulatedHost b = SimulatedHost.start("wintermute", state);
                SshTestClient sa = new SshTestClient(a);
                SshTestClient sb = new SshTestClient(b)) {
            assertThat(a.hostKeyFingerprint()).isEqualTo(b.hostKeyFingerprint());
            assertThat(sa.run("xe vm-param-set uuid=" + WIN + " other-config:pci=0/0000:01:03.0").exit()).isZero();
            assertThat(sb.run("xe vm-param-get uuid=" + WIN + " param-name=other-config param-key=pci").out())
                    .isEqualTo("0/0000:01:03.0\n");
            assertThat(sb.run("mkdir /var/lock/xenpt").exit()).isZero();
            assertThat(sa.run("mkdir /var/lock/xenpt").err())
                    .isEqualTo("mkdir: cannot create directory '/var/lock/xenpt': File exists\n");
        }
        try (SimulatedHost again = SimulatedHost.start("wintermute", state);
                SshTestClient s = new SshTestClient(again)) {
            assertThat(s.run("xe vm-param-get uuid=" + WIN + " param-name=other-config param-key=pci").out())
                    .isEqualTo("0/0000:01:03.0\n");
        }
    }

    @Test
    void rebootDropsConnectionsAndReturnsWithTheBootConfiguration() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("r"))) {
            host.setRebootDelay(Duration.ofMillis(300));
            String bootId;
            try (SshTestClient ssh = new SshTestClient(host)) {
                bootId = ssh.run("cat /proc/sys/kernel/random/boot_id").out();
                String grub = ssh.run("cat /boot/grub/grub.cfg").out().replaceFirst(
                        "plymouth.ignore-serial-consoles\n", "plymouth.ignore-serial-consoles"
                                + " xen-pciback.hide=(0e:00.0)(01:03.0)\n");
                ssh.sftp().put(new StringSource(grub), "/boot/grub/grub.cfg");
                assertThat(ssh.run("xe vm-param-set uuid=" + WIN + " other-config:pci=0/0000:01:03.0").exit())
                        .isZero();
                assertThat(ssh.run("reboot").exit()).isZero();
                waitUntil(() -> !ssh.isConnected());
            }
            SshTestClient back = waitForSsh(host);
            assertThat(back.run("cat /proc/sys/kernel/random/boot_id").out()).isNotEqualTo(bootId).hasSize(37);
            assertThat(back.run("cat /proc/cmdline").out()).endsWith(" xen-pciback.hide=(0e:00.0)(01:03.0)\n");
            assertThat(back.run("ls /sys/bus/pci/drivers/pciback").out()).startsWith("0000:01:03.0\n0000:0e:00.0\nbind\n");
            assertThat(back.run("cat /sys/bus/pci/drivers/pciback/slots").out())
                    .isEqualTo("0000:0e:00.0\n0000:01:03.0\n");
            assertThat(back.run("lspci -k -s 01:03.0").out()).contains("\tKernel driver in use: pciback\n");
            assertThat(back.run("readlink /sys/bus/pci/devices/0000:0e:00.0/driver").out())
                    .isEqualTo("../../../../bus/pci/drivers/pciback\n");
            assertThat(back.run("xe vm-param-get uuid=" + WIN + " param-name=power-state").out()).isEqualTo("halted\n");
            assertThat(back.run("xe vm-start uuid=" + WIN).exit()).isZero();
            back.close();
        }
    }

    @Test
    void malformedHideListLeavesPcibackUnloaded() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("xcpng82", dir.resolve("m"))) {
            host.setRebootDelay(Duration.ofMillis(200));
            try (SshTestClient ssh = new SshTestClient(host)) {
                ssh.run("/opt/xensource/libexec/xen-cmdline --set-dom0 'xen-pciback.hide=(0000:82.0.0)'");
                ssh.run("xe vm-param-set uuid=" + GPU_VM + " other-config:pci=0/0000:01:00.0");
                ssh.run("reboot");
            }
            try (SshTestClient back = waitForSsh(host)) {
                assertThat(back.run("ls /sys/bus/pci/drivers/pciback")).isEqualTo(new SshTestClient.Result(2, "",
                        "ls: cannot access '/sys/bus/pci/drivers/pciback': No such file or directory\n"));
                var start = back.run("xe vm-start uuid=" + GPU_VM);
                assertThat(start.exit()).isEqualTo(1);
                assertThat(start.err()).isEqualTo("The server failed to handle your request, due to an internal"
                        + " error. The given message may give details useful for debugging the problem.\n"
                        + "message: pciback has not loaded\n");
            }
        }
    }

    @Test
    void rebootThatNeverReturns() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("n"))) {
            host.setRebootDelay(Duration.ofMillis(100));
            host.faults().rebootNeverReturns(true);
            try (SshTestClient ssh = new SshTestClient(host)) {
                ssh.run("reboot");
                waitUntil(() -> !ssh.isConnected());
            }
            Thread.sleep(600);
            assertThat(host.isUp()).isFalse();
            assertThatThrownBy(() -> new SshTestClient(host)).isInstanceOf(IOException.class);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitUntil(Check check) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (check.ok()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("condition not reached in 10 s");
    }

    static SshTestClient waitForSsh(SimulatedHost host) throws Exception {
        for (int i = 0; i < 200; i++) {
            try {
                return new SshTestClient(host);
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("host did not come back in 10 s");
    }
}
