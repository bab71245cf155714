package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xenpt.apply.BootFileSamples.devices;
import static xenpt.apply.BootFileSamples.read;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;

class ExtlinuxEditTest {

    static final Set<PciAddress> NIC = devices("0e:00.1", "0e:00.0");

    @Test
    void xs65HidesInTheDom0PartOfXeAndXeSerialOnly() {
        String before = read("extlinux-xs65.conf");
        String after = ExtlinuxEdit.withHide(before, NIC);

        assertThat(after).isEqualTo(read("extlinux-xs65-hidden.conf"));
        List<String> a = after.lines().toList();
        assertThat(a.get(9)).contains(" splash xen-pciback.hide=(0000:0e:00.0)(0000:0e:00.1) --- /boot/initrd-3.10-xen.img")
                .startsWith("  append /boot/xen.gz dom0_mem=752M,max:752M watchdog ");
        assertThat(after.lines().filter(l -> l.contains("xen-pciback.hide")).count()).isEqualTo(2);
    }

    @Test
    void xenServer60SampleKeepsTheXenAndInitrdParts() {
        String before = read("extlinux-xs60.conf");
        String after = ExtlinuxEdit.withHide(before, devices("01:00.0"));

        assertThat(after).isEqualTo(before
                .replace("quiet vga=785 splash --- /boot/initrd-2.6-xen.img",
                        "quiet vga=785 splash xen-pciback.hide=(0000:01:00.0) --- /boot/initrd-2.6-xen.img")
                .replace("console=hvc0 --- /boot/initrd-2.6-xen.img",
                        "console=hvc0 xen-pciback.hide=(0000:01:00.0) --- /boot/initrd-2.6-xen.img"));
    }

    @Test
    void emptySetRemovesTheParameter() {
        assertThat(ExtlinuxEdit.withHide(read("extlinux-xs65-hidden.conf"), Set.of())).isEqualTo(read("extlinux-xs65.conf"));
    }

    @Test
    void editIsIdempotentAndReplacesAnExistingList() {
        for (String sample : List.of("extlinux-xs65.conf", "extlinux-xs65-hidden.conf", "extlinux-xs60.conf")) {
            for (Set<PciAddress> set : List.of(Set.<PciAddress>of(), NIC, devices("01:03.0"))) {
                String once = ExtlinuxEdit.withHide(read(sample), set);
                assertThat(ExtlinuxEdit.withHide(once, set)).as("%s with %s", sample, set).isEqualTo(once);
            }
        }
        assertThat(ExtlinuxEdit.withHide(read("extlinux-xs65-hidden.conf"), devices("01:03.0")))
                .isEqualTo(read("extlinux-xs65-hidden.conf").replace("(0000:0e:00.0)(0000:0e:00.1)", "(0000:01:03.0)"));
    }

    @Test
    void aDom0PartWithoutArgumentsGetsTheParameterAfterTheKernel() {
        String text = "default xe\nlabel xe\n  append /boot/xen.gz --- /boot/vmlinuz --- /boot/initrd.img\n";

        assertThat(ExtlinuxEdit.withHide(text, devices("01:00.0")))
                .isEqualTo("default xe\nlabel xe\n  append /boot/xen.gz --- /boot/vmlinuz xen-pciback.hide=(0000:01:00.0) --- /boot/initrd.img\n");
    }

    @Test
    void aDefaultLabelWithoutADom0PartIsRefused() {
        assertThatThrownBy(() -> ExtlinuxEdit.withHide("default xe\nlabel xe\n  append /boot/xen.gz\n", NIC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ' --- '");
        assertThatThrownBy(() -> ExtlinuxEdit.withHide("default xe\nlabel xe\n  kernel mboot.c32\n", NIC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no append line");
    }

    @Test
    void crlfFileKeepsItsLineEndings() {
        String before = read("extlinux-xs65.conf").replace("\n", "\r\n");
        String after = ExtlinuxEdit.withHide(before, NIC);

        assertThat(after).isEqualTo(read("extlinux-xs65-hidden.conf").replace("\n", "\r\n"));
        assertThat(BootEditCheck.problem(xenpt.observed.BootConfig.Format.EXTLINUX, "extlinux.conf", before, after, NIC,
                false)).isEmpty();
    }
}
