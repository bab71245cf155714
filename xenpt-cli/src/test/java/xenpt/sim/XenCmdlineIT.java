package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XenCmdlineIT {

    static final String TOOL = "/opt/xensource/libexec/xen-cmdline";

    @TempDir
    Path dir;

    @Test
    void setAndDeleteEditOnlyTheXeAndSerialEntries() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("xcpng82", dir.resolve("h"));
                SshTestClient ssh = new SshTestClient(host)) {
            String before = ssh.run("cat /boot/grub/grub.cfg").out();
            assertThat(ssh.run(TOOL + " --get-dom0 xen-pciback.hide")).isEqualTo(new SshTestClient.Result(0, "\n", ""));

            var set = ssh.run(TOOL + " --set-dom0 'xen-pciback.hide=(0000:01:00.0)(0000:01:00.1)'");
            assertThat(set).isEqualTo(new SshTestClient.Result(0, "", ""));
            String after = ssh.run("cat /boot/grub/grub.cfg").out();
            assertThat(ssh.run(TOOL + " --get-dom0 xen-pciback.hide").out())
                    .isEqualTo("xen-pciback.hide=(0000:01:00.0)(0000:01:00.1)\n");

            List<String> b = before.lines().toList();
            List<String> a = after.lines().toList();
            String grubenv = "if [ -s $prefix/grubenv ]; then\n\tload_env\nfi\n\n"
                    + "if [ -n \"$override_entry\" ]; then\n\tset default=$override_entry\nfi\n\n";
            assertThat(after).contains("set timeout=5\n" + grubenv + "menuentry 'XCP-ng' {");
            String expected = before.replace("set timeout=5\n", "set timeout=5\n" + grubenv)
                    .replace("plymouth.ignore-serial-consoles\n", "plymouth.ignore-serial-consoles"
                            + " xen-pciback.hide=(0000:01:00.0)(0000:01:00.1)\n")
                    .replace("\tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=root-vgdorj ro nolvm hpet=disable"
                            + " console=tty0 console=hvc0\n\tmodule2 /boot/initrd-4.19-xen.img\n}\nmenuentry 'XCP-ng in",
                            "\tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=root-vgdorj ro nolvm hpet=disable"
                            + " console=tty0 console=hvc0 xen-pciback.hide=(0000:01:00.0)(0000:01:00.1)\n"
                            + "\tmodule2 /boot/initrd-4.19-xen.img\n}\nmenuentry 'XCP-ng in");
            assertThat(after).isEqualTo(expected);
            assertThat(a.size()).isEqualTo(b.size() + 8);

            assertThat(ssh.run(TOOL + " --set-dom0 'xen-pciback.hide=(0000:01:00.2)'").exit()).isZero();
            // Unquoted parentheses are shell syntax: refused, nothing written.
            assertThat(ssh.run(TOOL + " --set-dom0 xen-pciback.hide=(0000:0e:00.0)").exit()).isEqualTo(2);
            String replaced = ssh.run("cat /boot/grub/grub.cfg").out();
            assertThat(replaced).doesNotContain("(0000:01:00.0)").contains("xen-pciback.hide=(0000:01:00.2)");

            assertThat(ssh.run(TOOL + " --delete-dom0 xen-pciback.hide").exit()).isZero();
            String deleted = ssh.run("cat /boot/grub/grub.cfg").out();
            assertThat(deleted).isEqualTo(before.replace("set timeout=5\n", "set timeout=5\n" + grubenv));
        }
    }

    @Test
    void getReadsTheDefaultEntryOnly() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("xcpng82", dir.resolve("g"));
                SshTestClient ssh = new SshTestClient(host)) {
            assertThat(ssh.run(TOOL + " --get-dom0 console").out()).isEqualTo("console=hvc0\nconsole=tty0\n");
            assertThat(ssh.run(TOOL + " --get-dom0 nolvm ro").out()).isEqualTo("nolvm\nro\n");
        }
    }

    @Test
    void absentOnHostsWithoutTheTool() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("w"));
                SshTestClient ssh = new SshTestClient(host)) {
            assertThat(ssh.run(TOOL + " --get-dom0 xen-pciback.hide")).isEqualTo(new SshTestClient.Result(127, "",
                    "sh: /opt/xensource/libexec/xen-cmdline: No such file or directory\n"));
        }
    }
}
