package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xenpt.apply.BootFileSamples.devices;
import static xenpt.apply.BootFileSamples.read;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.observed.BootConfig;

/** The grub edit on files GRUB reads differently from one line per command: continuations, CRLF, separators. */
class GrubVariantsTest {

    static final Set<PciAddress> HIDE = devices("01:03.0", "0e:00.0");
    static final String ARG = " xen-pciback.hide=(0000:01:03.0)(0000:0e:00.0)";

    @Test
    void aContinuedKernelLineGetsTheArgumentAfterItsLastWordAndKeepsEveryOtherArgument() {
        String before = read("grub-continuation.cfg");
        String after = GrubEdit.withHide("/boot/grub/grub.cfg", before, HIDE);

        assertThat(after).isEqualTo(before.replace("plymouth.ignore-serial-consoles\n", "plymouth.ignore-serial-consoles" + ARG + "\n")
                .replace("console=tty0 console=hvc0\n", "console=tty0 console=hvc0" + ARG + "\n"));
        assertThat(BootEditCheck.problem(BootConfig.Format.GRUB, "grub.cfg", before, after, HIDE, false)).isEmpty();
        assertThat(GrubEdit.withHide("/boot/grub/grub.cfg", after, Set.of())).isEqualTo(before);
        assertThat(GrubEdit.withHide("/boot/grub/grub.cfg", after, HIDE)).isEqualTo(after);
    }

    @Test
    void theEditThatDroppedTheContinuedArgumentsIsCaughtBeforeWriting() {
        String before = read("grub-continuation.cfg");
        // What xenpt wrote before it read continuations: the argument after the backslash, the rest a new command.
        String mangled = before.replace("ro nolvm \\\n", "ro nolvm \\" + ARG + "\n");

        assertThat(BootEditCheck.problem(BootConfig.Format.GRUB, "grub.cfg", before, mangled, HIDE, false)).get()
                .asString().startsWith("the dom0 arguments of entry 'XenServer' would be [root=LABEL=root-cafyeg, ro, nolvm, \\]"
                        + " instead of [root=LABEL=root-cafyeg, ro, nolvm, hpet=disable, xencons=hvc,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grub-wintermute-crlf.cfg", "grub-xs70-uefi-crlf.cfg"})
    void crlfFilesAreEditedAndKeepTheirLineEndings(String sample) {
        String before = read(sample);
        String after = GrubEdit.withHide("/boot/grub/grub.cfg", before, HIDE);
        String lf = GrubEdit.withHide("/boot/grub/grub.cfg", before.replace("\r\n", "\n"), HIDE);

        assertThat(after).isEqualTo(lf.replace("\n", "\r\n")).contains(ARG + "\r\n");
        assertThat(BootEditCheck.problem(BootConfig.Format.GRUB, "grub.cfg", before, after, HIDE, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "&&", "||", "&", "|"})
    void aKernelLineWithACommandSeparatorIsRefusedNamingFileAndLine(String op) {
        String text = "set default=0\nmenuentry 'X' {\n\tmultiboot2 /boot/xen.gz\n\tmodule2 /boot/vmlinuz ro quiet " + op
                + " echo done\n}\n";

        assertThatThrownBy(() -> GrubEdit.withHide("/boot/grub/grub.cfg", text, HIDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/boot/grub/grub.cfg:4: the dom0 kernel line holds an unquoted '" + op + "'");
    }

    @Test
    void quotedSeparatorsAndTrailingCommentsAreNotCommands() {
        String text = "menuentry 'X' {\n\tmultiboot2 /boot/xen.gz\n\tmodule2 /boot/vmlinuz a=\"x;y\" b # note\n}\n";

        assertThat(GrubEdit.withHide("grub.cfg", text, HIDE)).isEqualTo(text.replace("b # note", "b" + ARG + " # note"));
    }

    @Test
    void aContinuationInsideAWordIsRefused() {
        String text = "menuentry 'X' {\n\tmultiboot2 /boot/xen.gz\n\tmodule2 /boot/vmlinuz ro hpet=dis\\\nable\n}\n";

        assertThatThrownBy(() -> GrubEdit.withHide("/boot/grub/grub.cfg", text, HIDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/boot/grub/grub.cfg:3: the dom0 kernel line is continued inside a word");
    }
}
