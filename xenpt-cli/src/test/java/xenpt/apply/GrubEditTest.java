package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xenpt.apply.BootFileSamples.devices;
import static xenpt.apply.BootFileSamples.read;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xenpt.desired.PciAddress;

class GrubEditTest {

    static final Set<PciAddress> WALKTHROUGH = devices("0e:00.0", "01:03.0");
    static final Set<PciAddress> GPU = devices("01:00.3", "01:00.0", "01:00.2", "01:00.1");

    @Test
    void walkthroughAppendsTheSortedFullFormListToTheXenServerKernelLineOnly() {
        String before = read("grub-wintermute.cfg");
        String after = GrubEdit.withHide(before, WALKTHROUGH);

        assertThat(after).isEqualTo(read("grub-wintermute-hidden.cfg"));
        List<String> b = before.lines().toList();
        List<String> a = after.lines().toList();
        assertThat(a.get(5)).startsWith("        module2 /boot/vmlinuz-3.10-xen ")
                .endsWith(" plymouth.ignore-serial-consoles xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)");
        assertThat(a.get(4)).isEqualTo(b.get(4)).contains("multiboot2");
        assertThat(a.subList(6, a.size())).isEqualTo(b.subList(6, b.size()));
        assertThat(after).endsWith("}\n");
    }

    @Test
    void publishedShortFormOfTheWalkthroughIsRewrittenInTheFullSortedForm() {
        String published = read("../observed/grub-wintermute-hidden.cfg");
        String after = GrubEdit.withHide(published, WALKTHROUGH);

        assertThat(after).isEqualTo(published.replace("(0e:00.0)(01:03.0)", "(0000:01:03.0)(0000:0e:00.0)"));
    }

    @Test
    void xcpng82SerialFileChangesTheXeAndXeSerialEntriesOnly() {
        String before = read("grub-xcpng82-serial.cfg");
        String after = GrubEdit.withHide(before, GPU);

        assertThat(after).isEqualTo(read("grub-xcpng82-serial-hidden.cfg"));
        List<String> b = before.lines().toList();
        List<String> a = after.lines().toList();
        for (int i = 0; i < b.size(); i++) {
            if (i != 8 && i != 14) assertThat(a.get(i)).as("line %d", i + 1).isEqualTo(b.get(i));
        }
        assertThat(a.get(14)).isEqualTo(b.get(14)
                + " xen-pciback.hide=(0000:01:00.0)(0000:01:00.1)(0000:01:00.2)(0000:01:00.3)");
    }

    @Test
    void uefiEntryWithAShortFormHideListHasItReplaced() {
        String after = GrubEdit.withHide(read("grub-xs70-uefi.cfg"), devices("03:00.0", "00:1f.2"));

        assertThat(after).isEqualTo(read("grub-xs70-uefi-replaced.cfg"));
        assertThat(after).doesNotContain("(00:11.4)").containsOnlyOnce("xen-pciback.hide=");
    }

    @Test
    void emptySetRemovesTheParameterAndItsSpace() {
        assertThat(GrubEdit.withHide(read("grub-xs70-uefi.cfg"), Set.of())).isEqualTo(read("grub-xs70-uefi-removed.cfg"));
        assertThat(GrubEdit.withHide(read("grub-wintermute-hidden.cfg"), Set.of())).isEqualTo(read("grub-wintermute.cfg"));
        assertThat(GrubEdit.withHide(read("grub-xcpng82-serial-hidden.cfg"), Set.of()))
                .isEqualTo(read("grub-xcpng82-serial.cfg"));
    }

    @Test
    void emptySetOnAFileWithoutTheParameterChangesNothing() {
        String before = read("grub-wintermute.cfg");
        assertThat(GrubEdit.withHide(before, Set.of())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grub-wintermute.cfg", "grub-wintermute-hidden.cfg", "grub-xcpng82-serial.cfg",
            "grub-xs70-uefi.cfg", "../observed/grub-wintermute-hidden.cfg"})
    void editIsIdempotent(String sample) {
        String text = read(sample);
        for (Set<PciAddress> set : List.of(Set.<PciAddress>of(), WALKTHROUGH, GPU, devices("00:1f.2"))) {
            String once = GrubEdit.withHide(text, set);
            assertThat(GrubEdit.withHide(once, set)).as("%s with %s", sample, set).isEqualTo(once);
        }
    }

    @Test
    void setDefaultIndexChoosesTheEntryAndItsSerialTwin() {
        String text = """
                set default=1
                menuentry 'XCP-ng' {
                \tmultiboot2 /boot/xen.gz
                \tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=a ro
                }
                menuentry 'Other' {
                \tmultiboot2 /boot/xen.gz
                \tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=b ro
                }
                menuentry 'Other (Serial)' {
                \tmultiboot2 /boot/xen.gz com1=115200,8n1
                \tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=c ro
                }
                """;
        String after = GrubEdit.withHide(text, devices("01:00.0"));

        assertThat(after).contains("root=LABEL=a ro\n")
                .contains("root=LABEL=b ro xen-pciback.hide=(0000:01:00.0)\n")
                .contains("root=LABEL=c ro xen-pciback.hide=(0000:01:00.0)\n");
    }

    @Test
    void xenHypervisorAndXenModuleKeywordsAreAccepted() {
        String text = "menuentry 'XenServer' {\n\txen_hypervisor /boot/xen.efi dom0_mem=4096M\n"
                + "\txen_module /boot/vmlinuz-4.19-xen root=LABEL=r ro\n\txen_module /boot/initrd-4.19-xen.img\n}\n";

        assertThat(GrubEdit.withHide(text, devices("0b:00.0"))).isEqualTo(text.replace("root=LABEL=r ro",
                "root=LABEL=r ro xen-pciback.hide=(0000:0b:00.0)"));
    }

    @Test
    void everyHideArgumentGoesQuotedBareOrRepeatedAndOnlyTheKeyMatches() {
        String text = "menuentry 'X' {\n\tmultiboot2 /boot/xen.gz xen-pciback.hide=(9:0.0)\n\tmodule2 /boot/vmlinuz "
                + "xen-pciback.hide=(01:00.0) ro \"xen-pciback.hide=(02:00.0) \" xen-pciback.hidex=1 "
                + "pciback.hide=(03:00.0)\txen-pciback.hide quiet\n}";

        assertThat(GrubEdit.withHide(text, devices("04:00.0"))).isEqualTo("menuentry 'X' {\n\tmultiboot2 /boot/xen.gz "
                + "xen-pciback.hide=(9:0.0)\n\tmodule2 /boot/vmlinuz ro xen-pciback.hidex=1 pciback.hide=(03:00.0) "
                + "quiet xen-pciback.hide=(0000:04:00.0)\n}");
    }

    @Test
    void trailingWhitespaceStaysAtTheEndOfTheLine() {
        String text = "menuentry 'X' {\n\tmultiboot2 /boot/xen.gz\n\tmodule2 /boot/vmlinuz ro \t\n}";

        assertThat(GrubEdit.withHide(text, devices("01:00.0")))
                .isEqualTo("menuentry 'X' {\n\tmultiboot2 /boot/xen.gz\n\tmodule2 /boot/vmlinuz ro xen-pciback.hide=(0000:01:00.0) \t\n}");
    }

    @Test
    void aDefaultEntryWithoutAKernelLineIsRefused() {
        assertThatThrownBy(() -> GrubEdit.withHide("menuentry 'X' {\n\tmultiboot2 /boot/xen.gz\n}\n", WALKTHROUGH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'X' has no dom0 kernel line");
        assertThatThrownBy(() -> GrubEdit.withHide("set default=0\n", WALKTHROUGH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no menuentry found");
    }
}
