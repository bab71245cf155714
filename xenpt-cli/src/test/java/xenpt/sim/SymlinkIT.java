package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's symbolic links behave like Linux ones for the commands a manager uses on a linked boot file:
 * {@code readlink}, {@code readlink -f}, {@code cat} and {@code cp} through the link, and {@code mv} onto the link path,
 * which replaces the link itself (rename(2)) and leaves its target alone.
 */
class SymlinkIT {

    @TempDir
    Path dir;

    @Test
    void linkedGrubCfgReadsThroughTheLinkAndARenameReplacesTheLink() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute-symlink", dir.resolve("h"));
                SshTestClient ssh = new SshTestClient(host)) {
            String target = ssh.run("cat /boot/grub2/grub.cfg").out();
            assertThat(target).contains("menuentry 'XenServer' {");
            assertThat(ssh.run("readlink /boot/grub/grub.cfg").out()).isEqualTo("../grub2/grub.cfg\n");
            assertThat(ssh.run("readlink -f /boot/grub/grub.cfg").out()).isEqualTo("/boot/grub2/grub.cfg\n");
            assertThat(ssh.run("cat /boot/grub/grub.cfg").out()).isEqualTo(target);
            assertThat(ssh.run("test -L /boot/grub/grub.cfg").exit()).isZero();

            assertThat(ssh.run("cp -p /boot/grub/grub.cfg /boot/grub/copy").exit()).isZero();
            assertThat(ssh.run("test -L /boot/grub/copy").exit()).isEqualTo(1);
            assertThat(ssh.run("mv -f /boot/grub/copy /boot/grub/grub.cfg").exit()).isZero();
            assertThat(ssh.run("test -L /boot/grub/grub.cfg").exit()).isEqualTo(1);
            assertThat(ssh.run("test -f /boot/grub2/grub.cfg").exit()).isZero();
            assertThat(ssh.run("cat /boot/grub/grub.cfg").out()).isEqualTo(target);
        }
    }
}
