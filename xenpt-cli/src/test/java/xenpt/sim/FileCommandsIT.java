package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FileCommandsIT {

    @RegisterExtension
    static final SimHostExtension sim = new SimHostExtension("xcpng83");

    @Test
    void missingFilesGiveCoreutilsErrors() throws Exception {
        assertThat(sim.ssh().run("cat /boot/grub/grub.cfg")).isEqualTo(new SshTestClient.Result(1, "",
                "cat: /boot/grub/grub.cfg: No such file or directory\n"));
        assertThat(sim.ssh().run("ls /var/log/xenpt")).isEqualTo(new SshTestClient.Result(2, "",
                "ls: cannot access '/var/log/xenpt': No such file or directory\n"));
        assertThat(sim.ssh().run("frobnicate")).isEqualTo(new SshTestClient.Result(127, "",
                "sh: frobnicate: command not found\n"));
        assertThat(sim.ssh().run("/usr/local/bin/nope")).isEqualTo(new SshTestClient.Result(127, "",
                "sh: /usr/local/bin/nope: No such file or directory\n"));
    }

    @Test
    void linksListAndResolve() throws Exception {
        assertThat(sim.ssh().run("ls -l /sys/class/net").out()).contains(
                " eth0 -> ../../devices/pci0000:00/0000:00:1c.0/0000:02:00.0/net/eth0\n").startsWith("total 0\n");
        assertThat(sim.ssh().run("ls -l /dev/disk/by-id").out()).contains(
                " nvme-Samsung_SSD_970_EVO_Plus_1TB_S4EWNX0N123456A -> ../../nvme0n1\n",
                " nvme-Samsung_SSD_970_EVO_Plus_1TB_S4EWNX0N123456A-part1 -> ../../nvme0n1p1\n");
        assertThat(sim.ssh().run("readlink -f /dev/disk/by-id/nvme-Samsung_SSD_970_EVO_Plus_1TB_S4EWNX0N123456A").out())
                .isEqualTo("/dev/nvme0n1\n");
        assertThat(sim.ssh().run("readlink -f /sys/block/nvme0n1").out())
                .isEqualTo("/sys/devices/pci0000:00/0000:00:1c.4/0000:04:00.0/nvme/nvme0/block/nvme0n1\n");
        assertThat(sim.ssh().run("test -d /sys/firmware/efi").exit()).isZero();
        assertThat(sim.ssh().run("test -x /opt/xensource/libexec/xen-cmdline").exit()).isZero();
        assertThat(sim.ssh().run("test -e /boot/grub/grub.cfg").exit()).isEqualTo(1);
    }

    @Test
    void pathsNeverLeaveTheHostTree() throws Exception {
        Files.writeString(sim.dir().resolve("outside"), "secret");
        assertThat(sim.ssh().run("cat /../../../outside").exit()).isEqualTo(1);
        assertThat(sim.ssh().run("cat ../../../../../../outside").exit()).isEqualTo(1);
        assertThat(sim.ssh().run("ls /..").out()).contains("etc\n").doesNotContain("outside");
        assertThat(sim.ssh().run("cat /etc/xensource-inventory").out()).contains("PRODUCT_VERSION='8.3.0'");
    }

    @Test
    void renameOfADirectoryOntoANonEmptyOneFailsAndOntoAnEmptyOneReplacesIt() throws Exception {
        assertThat(sim.ssh().run("mkdir -p /tmp/mvt/a /tmp/mvt/held /tmp/mvt/empty").exit()).isZero();
        assertThat(sim.ssh().run("cp /etc/xensource-inventory /tmp/mvt/a/owner").exit()).isZero();
        assertThat(sim.ssh().run("cp /etc/xensource-inventory /tmp/mvt/held/owner").exit()).isZero();
        // rename(2): ENOTEMPTY onto a non-empty directory, as GNU mv -T reports it
        assertThat(sim.ssh().run("mv -T /tmp/mvt/a /tmp/mvt/held")).isEqualTo(new SshTestClient.Result(1, "",
                "mv: cannot move '/tmp/mvt/a' to '/tmp/mvt/held': Directory not empty\n"));
        assertThat(sim.ssh().run("test -f /tmp/mvt/a/owner").exit()).isZero();
        // onto an empty directory it replaces it
        assertThat(sim.ssh().run("mv -T /tmp/mvt/a /tmp/mvt/empty").exit()).isZero();
        assertThat(sim.ssh().run("test -f /tmp/mvt/empty/owner").exit()).isZero();
        assertThat(sim.ssh().run("test -e /tmp/mvt/a").exit()).isEqualTo(1);
        // without -T into an existing directory
        assertThat(sim.ssh().run("mv /tmp/mvt/empty /tmp/mvt/held").exit()).isZero();
        assertThat(sim.ssh().run("test -f /tmp/mvt/held/empty/owner").exit()).isZero();
        assertThat(sim.ssh().run("mv -T /tmp/mvt/held /tmp/x /tmp/y").err()).startsWith("mv: extra operand '/tmp/y'\n");
    }

    @Test
    void statGivesTheModificationTimeAndDateTheEpochSeconds() throws Exception {
        assertThat(sim.ssh().run("mkdir -p /tmp/st").exit()).isZero();
        long made = Files.getLastModifiedTime(sim.dir().resolve("host/root/tmp/st")).toInstant().getEpochSecond();
        assertThat(sim.ssh().run("stat -c %Y /tmp/st")).isEqualTo(new SshTestClient.Result(0, made + "\n", ""));
        assertThat(sim.ssh().run("stat -c %Y /tmp/nope")).isEqualTo(new SshTestClient.Result(1, "",
                "stat: cannot stat '/tmp/nope': No such file or directory\n"));
        long now = Long.parseLong(sim.ssh().run("date +%s").out().strip());
        assertThat(now).isBetween(java.time.Instant.now().getEpochSecond() - 5, java.time.Instant.now().getEpochSecond());
        assertThat(sim.ssh().run("cat /proc/sys/kernel/random/boot_id").out())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n");
    }

    @Test
    void lockDirectoryAndAtomicRename() throws Exception {
        assertThat(sim.ssh().run("mkdir /var/lock/xenpt.lock").exit()).isZero();
        assertThat(sim.ssh().run("mkdir /var/lock/xenpt.lock").exit()).isEqualTo(1);
        assertThat(sim.ssh().run("rmdir /var/lock/xenpt.lock").exit()).isZero();
        assertThat(sim.ssh().run("rmdir /var/lock/xenpt.lock").err())
                .isEqualTo("rmdir: failed to remove '/var/lock/xenpt.lock': No such file or directory\n");
        assertThat(sim.ssh().run("mkdir /var/log/xenpt/sub").exit()).isEqualTo(1);
        assertThat(sim.ssh().run("mkdir -p /var/log/xenpt").exit()).isZero();
        assertThat(sim.ssh().run("cp /etc/xensource-inventory /tmp/a").exit()).isZero();
        assertThat(sim.ssh().run("mv /tmp/a /tmp/b").exit()).isZero();
        assertThat(sim.ssh().run("cat /tmp/b").out()).contains("XCP-ng");
        assertThat(sim.ssh().run("mv /tmp/a /tmp/c").err()).isEqualTo("mv: cannot stat '/tmp/a': No such file or directory\n");
        assertThat(sim.ssh().run("rm /tmp/b").exit()).isZero();
        assertThat(sim.ssh().run("rm -f /tmp/b").exit()).isZero();
        assertThat(sim.ssh().run("test -e /tmp/b").exit()).isEqualTo(1);
    }

    @Test
    void sftpSeesTheSameTree() throws Exception {
        var sftp = sim.ssh().sftp();
        sftp.put(new StringSource("hello\n"), "/tmp/from-sftp");
        assertThat(sim.ssh().run("cat /tmp/from-sftp").out()).isEqualTo("hello\n");
        assertThat(sftp.readlink("/sys/class/net/eth1"))
                .isEqualTo("../../devices/pci0000:00/0000:00:1c.0/0000:02:00.1/net/eth1");
        assertThat(sftp.ls("/sys/bus/pci/drivers/pciback").stream().map(f -> f.getName()))
                .contains("slots", "new_slot");
        sftp.close();
    }
}
