package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xenpt.apply.BootFileSamples.devices;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xenpt.desired.PciAddress;
import xenpt.observed.BootConfig;
import xenpt.observed.KernelArgs;
import xenpt.observed.ObservedHost;

/**
 * The boot-file variant scenarios (examples/sim/wintermute-continued, -crlf, -symlink) end to end over SSH: observed
 * like the plain walk-through host, edited with every argument kept, GRUB still parses the file, the next boot's dom0
 * line has all old arguments plus the hide list, and a second apply changes nothing.
 */
class BootFileVariantsIT {

    static final String GRUB = "/boot/grub/grub.cfg";
    static final Set<PciAddress> HIDE = devices("01:03.0", "0e:00.0");
    static final String ARG = " xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"wintermute-continued, '\n'", "wintermute-crlf, '\r\n'", "wintermute-symlink, '\n'"})
    void variantIsEditedWithEveryArgumentKeptAndBootsWithTheHideList(String scenario, String eol) throws Exception {
        try (BackendSimHost host = BackendSimHost.start(scenario, dir)) {
            String old = host.file(GRUB);
            ObservedHost observed = host.observe();
            assertThat(observed.boot().format()).isEqualTo(BootConfig.Format.GRUB);
            assertThat(observed.boot().entries()).hasSize(3);
            List<String> oldArgs = KernelArgs.split(observed.boot().entries().get(0).dom0Args());
            assertThat(oldArgs).hasSize(10).contains("root=LABEL=root-cafyeg", "plymouth.ignore-serial-consoles");
            GrubScriptCheck.assertParses(old, dir);

            host.apply(observed, HIDE);

            String next = host.file(GRUB);
            assertThat(next).isEqualTo(old.replace("plymouth.ignore-serial-consoles" + eol,
                    "plymouth.ignore-serial-consoles" + ARG + eol));
            GrubScriptCheck.assertParses(next, dir);
            ObservedHost after = host.observe();
            assertThat(after.boot().hide().devices()).isEqualTo(HIDE);
            host.apply(after, HIDE);
            assertThat(host.file(GRUB)).isEqualTo(next);
            String target = host.run("readlink", "-f", GRUB).stdout().strip();
            String folder = target.substring(0, target.lastIndexOf('/'));
            assertThat(host.list(folder).stream().filter(n -> n.contains(".xenpt-")).toList()).hasSize(1);

            host.rebootAndReconnect();
            List<String> booted = KernelArgs.split(host.run("cat", "/proc/cmdline").stdout());
            assertThat(booted).containsAll(oldArgs).contains(ARG.strip()).hasSize(oldArgs.size() + 1);
        }
    }

    @Test
    void symlinkedGrubCfgIsEditedAtItsTargetAndStaysALink() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute-symlink", dir)) {
            String old = host.file(GRUB);
            host.apply(HIDE);

            assertThat(host.run("test", "-L", GRUB).exitCode()).isZero();
            assertThat(host.run("readlink", GRUB).stdout()).isEqualTo("../grub2/grub.cfg\n");
            assertThat(host.file("/boot/grub2/grub.cfg")).isEqualTo(old.replace("plymouth.ignore-serial-consoles\n",
                    "plymouth.ignore-serial-consoles" + ARG + "\n"));
            assertThat(host.list("/boot/grub")).containsExactly("grub.cfg");
            List<String> beside = host.list("/boot/grub2");
            assertThat(beside).hasSize(2).contains("grub.cfg").anyMatch(n -> n.matches("grub\\.cfg\\.xenpt-\\d{8}T\\d{6}Z"));
            String backup = beside.stream().filter(n -> n.contains(".xenpt-")).findFirst().orElseThrow();
            assertThat(host.file("/boot/grub2/" + backup)).isEqualTo(old);
        }
    }

    @Test
    void aSemicolonOnTheKernelLineIsRefusedByTheGrubMethodAndUndoneAfterXenCmdline() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            String semi = host.file(GRUB).replace("plymouth.ignore-serial-consoles\n", "plymouth.ignore-serial-consoles; true\n");
            host.session().writeFile(GRUB, semi.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
            assertThatThrownBy(() -> host.apply(HIDE)).isInstanceOf(ApplyException.class).hasMessageContaining(
                    "/boot/grub/grub.cfg:6: the dom0 kernel line holds an unquoted ';'");
            assertThat(host.file(GRUB)).isEqualTo(semi);
        }
        try (BackendSimHost host = BackendSimHost.start("xcpng82", dir)) {
            // xen-cmdline appends after the ';', where GRUB passes it to the next command, not to the kernel.
            String semi = host.file(GRUB).replace("plymouth.ignore-serial-consoles\n", "plymouth.ignore-serial-consoles; true\n");
            host.session().writeFile(GRUB, semi.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
            assertThatThrownBy(() -> host.apply(devices("01:00.0"))).isInstanceOf(ApplyException.class)
                    .hasMessage("xcpng82: after the change /boot/grub/grub.cfg was wrong (its default entry's hide list would be"
                            + " '', not xen-pciback.hide=(0000:01:00.0)); the previous file was put back");
            assertThat(host.file(GRUB)).isEqualTo(semi);
            assertThat(host.list("/boot/grub")).containsExactly("grub.cfg");
        }
    }
}
