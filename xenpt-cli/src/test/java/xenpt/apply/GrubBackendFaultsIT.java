package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static xenpt.apply.BootFileSamples.devices;
import static xenpt.apply.BootFileSamples.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.sim.Faults;
import xenpt.transport.TransportException;

/**
 * The grub backend's file replacement interrupted at each step on the walk-through host: the boot file is afterwards
 * exactly the old or exactly the new content, and a second apply converges.
 */
class GrubBackendFaultsIT {

    static final String GRUB = "/boot/grub/grub.cfg";
    static final Set<PciAddress> HIDE = devices("01:03.0", "0e:00.0");
    static final String OLD = read("grub-wintermute.cfg");
    static final String NEW = read("grub-wintermute-hidden.cfg");

    @TempDir
    Path dir;

    interface Fault {
        void set(Faults faults) throws Exception;
    }

    static Stream<Arguments> interruptions() {
        return Stream.of(
                arguments("boot disk full", (Fault) f -> f.bootDiskFull(true), ApplyException.class, OLD),
                arguments("mv fails", (Fault) f -> f.failAt("^mv ", 1, "mv: cannot move: Input/output error"),
                        ApplyException.class, OLD),
                arguments("connection drops at mv", (Fault) f -> f.dropAt("^mv ", 1), TransportException.class, OLD),
                arguments("sftp write fails", (Fault) f -> f.failAt("^sftp-write .*xenpt-tmp", 1, "Permission denied"),
                        ApplyException.class, OLD),
                arguments("connection drops at sftp write", (Fault) f -> f.dropAt("^sftp-write .*xenpt-tmp", 1),
                        TransportException.class, OLD),
                arguments("read-back fails", (Fault) f -> f.failAt("^cat /boot/grub/grub\\.cfg$", 1,
                        "cat: /boot/grub/grub.cfg: Input/output error"), ApplyException.class, NEW),
                arguments("connection drops at read-back", (Fault) f -> f.dropAt("^cat /boot/grub/grub\\.cfg$", 1),
                        TransportException.class, NEW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interruptions")
    void interruptedApplyLeavesTheOldOrTheNewFileWholeAndConverges(
            String label, Fault fault, Class<? extends Exception> thrown, String whole) throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            assertThat(host.file(GRUB)).isEqualTo(OLD);
            ObservedHost observed = host.observe();
            fault.set(host.sim.faults());

            assertThatThrownBy(() -> host.apply(observed, HIDE)).isInstanceOf(thrown).hasMessageStartingWith("wintermute: ");

            host.sim.faults().clear();
            host.reconnect();
            assertThat(host.file(GRUB)).isEqualTo(whole);
            host.apply(HIDE);
            assertThat(host.file(GRUB)).isEqualTo(NEW);
            List<String> names = host.list("/boot/grub");
            assertThat(names).noneMatch(n -> n.endsWith(BootFileWriter.TMP_SUFFIX));
            List<String> backups = names.stream().filter(n -> n.startsWith("grub.cfg.xenpt-")).toList();
            assertThat(backups).isNotEmpty();
            for (String b : backups) assertThat(host.file("/boot/grub/" + b)).as(b).isEqualTo(OLD);
        }
    }

    @Test
    void bootDiskFullFailsAtTheBackupAndLeavesNoFileBehind() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            host.sim.faults().bootDiskFull(true);
            assertThatThrownBy(() -> host.apply(HIDE)).isInstanceOf(ApplyException.class)
                    .hasMessageMatching("wintermute: backup of /boot/grub/grub\\.cfg \\(cp\\) failed \\(exit 1\\): cp: error"
                            + " writing '/boot/grub/grub\\.cfg\\.xenpt-\\d{8}T\\d{6}Z': No space left on device; the file system"
                            + " mounted on / \\(/dev/sda1\\) is full \\(0 KiB free\\)");
            assertThat(host.file(GRUB)).isEqualTo(OLD);
            assertThat(host.list("/boot/grub")).containsExactly("grub.cfg");
        }
    }

    @Test
    void diskFillingUpAtTheTemporaryFileIsNamedAndRetriesLeaveNoBackups() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xs71-uefi", dir)) {
            String efi = "/boot/efi/EFI/xenserver";
            String old = host.file(efi + "/grub.cfg");
            for (int attempt = 0; attempt < 2; attempt++) {
                host.sim.faults().clear().fillBootDiskAt("^sftp-write .*xenpt-tmp", 1);
                assertThatThrownBy(() -> host.apply(devices("0b:00.0"))).isInstanceOf(ApplyException.class)
                        .hasMessageMatching("xs71-uefi: cannot write /boot/efi/EFI/xenserver/\\.grub\\.cfg\\.xenpt-tmp: the"
                                + " file system mounted on /boot/efi \\(/dev/\\w+4\\) is full \\(0 KiB free, \\d KiB needed\\)");
                assertThat(host.list(efi)).containsExactly("grub.cfg");
                assertThat(host.file(efi + "/grub.cfg")).isEqualTo(old);
            }
        }
    }

    @Test
    void failedRenameNamesTheStepAndRemovesTheTemporaryFile() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            host.sim.faults().failAt("^mv ", 1, "mv: cannot move: Input/output error");
            assertThatThrownBy(() -> host.apply(HIDE)).isInstanceOf(ApplyException.class)
                    .hasMessage("wintermute: rename of /boot/grub/.grub.cfg.xenpt-tmp over /boot/grub/grub.cfg (mv) failed"
                            + " (exit 1): mv: cannot move: Input/output error");
            assertThat(host.file(GRUB)).isEqualTo(OLD);
            assertThat(host.list("/boot/grub")).containsExactly("grub.cfg");
        }
    }

    @Test
    void aFileChangedSinceTheObservationIsNotWritten() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            ObservedHost observed = host.observe();
            String edited = OLD.replace("quiet", "quiet xen-pciback.hide=(0000:03:00.0)");
            host.session().writeFile(GRUB, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
            assertThatThrownBy(() -> host.apply(observed, HIDE)).isInstanceOf(ApplyException.class)
                    .hasMessage("wintermute: /boot/grub/grub.cfg changed since it was observed; nothing written, run apply again");
            assertThat(host.file(GRUB)).isEqualTo(edited);
            assertThat(host.list("/boot/grub")).containsExactly("grub.cfg");
        }
    }
}
