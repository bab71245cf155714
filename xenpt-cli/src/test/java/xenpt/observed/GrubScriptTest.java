package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;

/** grub.cfg read in GRUB's logical lines: CRLF, backslash-newline continuations, command separators, comments. */
class GrubScriptTest {

    @Test
    void aContinuedKernelLineIsReadWholeAsGrubJoinsIt() throws IOException {
        BootConfig b = GrubConfig.parse("/boot/grub/grub.cfg", sample("grub-continuation.cfg"));

        assertThat(b.entries()).extracting(BootConfig.Entry::title).containsExactly("XenServer", "XenServer (Serial)");
        assertThat(KernelArgs.split(b.entries().get(0).dom0Args())).containsExactly("root=LABEL=root-cafyeg", "ro",
                "nolvm", "hpet=disable", "xencons=hvc", "console=hvc0", "quiet", "vga=785", "splash",
                "plymouth.ignore-serial-consoles");
        assertThat(KernelArgs.split(b.entries().get(1).dom0Args())).containsExactly("root=LABEL=root-cafyeg", "ro",
                "nolvm", "hpet=disable", "console=tty0", "console=hvc0");
    }

    @Test
    void crlfFileHasItsEntriesAndItsHideList() throws IOException {
        BootConfig b = GrubConfig.parse("/boot/efi/EFI/xenserver/grub.cfg", sample("grub-xs70-uefi-crlf.cfg"));

        assertThat(b.entries()).isNotEmpty();
        assertThat(b.entries().get(0).dom0Args()).doesNotContain("\r").endsWith("splash xen-pciback.hide=(00:11.4)(00:1f.2)");
        assertThat(b.hide().devices()).containsExactly(PciAddress.parse("00:11.4"), PciAddress.parse("00:1f.2"));
        assertThat(b).isEqualTo(GrubConfig.parse("/boot/efi/EFI/xenserver/grub.cfg", sample("grub-xs70-uefi.cfg")));
    }

    @Test
    void aCommandSeparatorEndsTheKernelArguments() {
        String text = "menuentry 'X' {\n multiboot2 /xen.gz\n module2 /vmlinuz ro quiet; echo xen-pciback.hide=(01:00.0)\n}\n";
        BootConfig b = GrubConfig.parse("grub.cfg", text);

        assertThat(b.entries().get(0).dom0Args()).isEqualTo("ro quiet");
        assertThat(b.hide().present()).isFalse();
        assertThat(GrubScript.separator("a 'b;c' \"d&&e\" f\\;g || h")).isEqualTo(20);
    }

    @Test
    void logicalLinesKeepThePhysicalRangeAndDropCommentsAndCarriageReturns() {
        var lines = GrubScript.lines("a \\\r\n b # c \\\nd 'x \\\ny'\r\n");

        assertThat(lines).containsExactly(new GrubScript.Line(0, 1, "a  b "), new GrubScript.Line(2, 3, "d 'x \\\ny'"));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = GrubScriptTest.class.getResourceAsStream("/apply/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
