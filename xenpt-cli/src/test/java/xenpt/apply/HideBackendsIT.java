package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xenpt.apply.BootFileSamples.devices;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xenpt.desired.HideMethod;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideValue;
import xenpt.observed.ObservedHost;

/** Each hide backend against the simulated host of its kind, over xenpt's own SSH transport. */
class HideBackendsIT {

    /** Any write a backend can make; a second apply with the same set must not reach one. */
    static final String ANY_WRITE = "^cp |^mv |sftp-write|--set-dom0|--delete-dom0|pci-(dis|en)able-dom0-access";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "wintermute, GRUB,        /boot/grub/grub.cfg,              01:03.0 0e:00.0",
        "xs71-uefi,  GRUB,        /boot/efi/EFI/xenserver/grub.cfg, 0b:00.0 0b:00.1",
        "xcpng82,    XEN_CMDLINE, /boot/grub/grub.cfg,              01:00.0 01:00.1 01:00.2 01:00.3",
        "xcpng83,    XAPI,        /boot/efi/EFI/xenserver/grub.cfg, 0b:00.1 0b:00.0 02:00.1",
        "xs65,       EXTLINUX,    /boot/extlinux.conf,              0e:00.0 0e:00.1"})
    void setsExactlyTheListThenChangesNothingThenBindsAfterRebootThenEmpties(
            String scenario, HideMethod method, String path, String list) throws Exception {
        Set<PciAddress> after = devices(list.split(" "));
        try (BackendSimHost host = BackendSimHost.start(scenario, dir)) {
            ObservedHost before = host.observe();
            assertThat(before.backend()).isEqualTo(method);
            assertThat(before.boot().path()).isEqualTo(path);
            assertThat(before.boot().hide().present()).isFalse();
            String original = host.file(path);
            String bootDir = path.substring(0, path.lastIndexOf('/'));

            host.apply(before, after);
            ObservedHost set = host.observe();
            assertThat(set.boot().hide().devices()).isEqualTo(after);
            assertThat(set.boot().hide().valid()).isTrue();
            if (method != HideMethod.XAPI) assertThat(set.boot().hide().raw()).isEqualTo(HideValue.format(after));
            assertThat(set.pendingReboot()).isTrue();
            String written = host.file(path);
            List<String> listing = host.list(bootDir);
            if (method == HideMethod.GRUB || method == HideMethod.EXTLINUX) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                List<String> backups = listing.stream().filter(n -> n.startsWith(name + ".xenpt-")).toList();
                assertThat(backups).singleElement().asString().matches(name.replace(".", "\\.") + "\\.xenpt-\\d{8}T\\d{6}Z");
                assertThat(host.file(bootDir + "/" + backups.get(0))).isEqualTo(original);
                assertThat(listing).noneMatch(n -> n.endsWith(BootFileWriter.TMP_SUFFIX));
            }

            host.sim.faults().failAt(ANY_WRITE, 1, "xenpt wrote although nothing changed");
            host.apply(set, after);
            assertThat(host.file(path)).isEqualTo(written);
            assertThat(host.list(bootDir)).isEqualTo(listing);
            host.sim.faults().clear();

            host.rebootAndReconnect();
            ObservedHost booted = host.observe();
            assertThat(booted.runtime().pcibackLoaded()).isTrue();
            assertThat(booted.runtime().pcibackBound()).isEqualTo(after);
            assertThat(booted.runtime().cmdlineHide().devices()).isEqualTo(after);
            assertThat(booted.pendingReboot()).isFalse();

            host.apply(booted, Set.of());
            ObservedHost emptied = host.observe();
            assertThat(emptied.boot().hide().present()).isFalse();
            assertThat(host.file(path)).doesNotContain("xen-pciback.hide");
            if (method == HideMethod.GRUB || method == HideMethod.EXTLINUX) assertThat(host.file(path)).isEqualTo(original);
        }
    }

    @Test
    void xapiRefusesADeviceWithoutAPciObjectBeforeAnyChange() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xcpng83", dir)) {
            assertThatThrownBy(() -> host.apply(devices("0b:00.0", "00:14.0")))
                    .isInstanceOf(ApplyException.class)
                    .hasMessageStartingWith("xcpng83: xapi cannot hide 0000:00:14.0: no PCI object in xe pci-list")
                    .hasMessageContaining("storage, network and display").hasMessageContaining("method: xen-cmdline");
            assertThat(host.observe().boot().hide().present()).isFalse();
        }
    }

    @Test
    void xapiReleasesOnlyWhatLeavesTheSet() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xcpng83", dir)) {
            host.apply(devices("0b:00.0", "0b:00.1", "02:00.1"));
            host.apply(devices("0b:00.0", "0b:00.1"));
            assertThat(host.observe().boot().hide().devices()).isEqualTo(devices("0b:00.0", "0b:00.1"));
            String uuid = host.observe().pciObjects().get(PciAddress.parse("02:00.1"));
            assertThat(host.run("xe", "pci-get-dom0-access-status", "uuid=" + uuid).stdout()).isEqualTo("enabled\n");
        }
    }

    @Test
    void xapiRefusesAShortFormBootListItCannotParse() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xcpng83", dir)) {
            host.run(XenCmdlineBackend.TOOL, "--set-dom0", "xen-pciback.hide=(0b:00.0)");
            assertThatThrownBy(() -> host.apply(devices("0b:00.0", "0b:00.1")))
                    .isInstanceOf(ApplyException.class)
                    .hasMessage("xcpng83: xapi cannot edit the boot hide list '(0b:00.0)': it reads only (dddd:bb:dd.f)"
                            + " entries; set method: xen-cmdline for one apply to rewrite it in that form");
            assertThat(host.observe().boot().hide().raw()).isEqualTo("(0b:00.0)");
        }
    }

    @Test
    void xenCmdlineFailureNamesHostStepAndTheToolsError() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xcpng82", dir)) {
            String old = host.file("/boot/grub/grub.cfg");
            host.sim.faults().fillBootDiskAt("xen-cmdline --set-dom0", 1); // after xenpt's backup: the tool truncates the file
            assertThatThrownBy(() -> host.apply(devices("01:00.0")))
                    .isInstanceOf(ApplyException.class)
                    .hasMessage("xcpng82: xen-cmdline --set-dom0 failed (exit 1): IOError: [Errno 28] No space left on device;"
                            + " the file system mounted on / (/dev/sda1) is full (0 KiB free); the previous /boot/grub/grub.cfg"
                            + " was put back");
            assertThat(host.file("/boot/grub/grub.cfg")).isEqualTo(old);
            assertThat(host.list("/boot/grub")).containsExactly("grub.cfg");
            host.sim.faults().clear();
            host.apply(devices("01:00.0"));
            assertThat(host.observe().boot().hide().raw()).isEqualTo("(0000:01:00.0)");
            List<String> backups = host.list("/boot/grub").stream().filter(n -> n.startsWith("grub.cfg.xenpt-")).toList();
            assertThat(backups).hasSize(1); // xen-cmdline writes in place: xenpt's own backup is beside the file
            assertThat(host.file("/boot/grub/" + backups.get(0))).isEqualTo(old);
        }
    }

    @Test
    void xenCmdlineSendsTheValueAsOneQuotedWord() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xcpng82", dir)) {
            host.sim.faults().failAt("^/opt/xensource/libexec/xen-cmdline --set-dom0 "
                    + "'xen-pciback\\.hide=\\(0000:01:00\\.0\\)\\(0000:01:00\\.1\\)'$", 1, "seen");
            assertThatThrownBy(() -> host.apply(devices("01:00.1", "01:00.0")))
                    .isInstanceOf(ApplyException.class).hasMessage("xcpng82: xen-cmdline --set-dom0 failed (exit 1): seen");
        }
    }

    @Test
    void grubBackendRefusesAnExtlinuxHost() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("xs65", dir)) {
            ObservedHost observed = host.observe();
            assertThatThrownBy(() -> HideBackend.of(HideMethod.GRUB).apply(host.session(), observed, devices("0e:00.0")))
                    .isInstanceOf(ApplyException.class)
                    .hasMessage("xs65: method grub needs a grub boot file, but the one in use is /boot/extlinux.conf");
            assertThatThrownBy(() -> HideBackend.of(HideMethod.AUTO)).isInstanceOf(IllegalArgumentException.class);
            assertThat(Arrays.asList(host.file("/boot/extlinux.conf").split("\n"))).noneMatch(l -> l.contains("hide"));
        }
    }
}
