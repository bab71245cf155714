package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;
import xenpt.format.hide.HideValue;

class HideValueTest {

    @Test
    void fullAndShortFormsWithWhitespace() {
        HideList h = HideValue.parse(" (0000:01:00.0) (0e:00.0)( 0000:0A:1F.7)\t");
        assertThat(h.valid()).isTrue();
        assertThat(h.devices()).containsExactly(
                PciAddress.parse("01:00.0"), PciAddress.parse("0a:1f.7"), PciAddress.parse("0e:00.0"));
    }

    @Test
    void emptyValueIsValidAndHidesNothing() {
        HideList h = HideValue.parse("");
        assertThat(h.present()).isTrue();
        assertThat(h.valid()).isTrue();
        assertThat(h.devices()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(0b::00.1)", "(0000:82.0.0)", "(01:00.0", "01:00.0", "(01:00.0)x", "(01:00.0 )", "(01 :00.0)",
        "(01:00.8)", "(01:20.0)", "(100:00.0)", "(10000:00:00.0)", "(0000:01:00.*)", "(zz:00.0)", "()", "(01:00.0)(", 
        "(0000:01:00.0:1)"
    })
    void typosMakeTheWholeListInvalid(String raw) {
        HideList h = HideValue.parse(raw);
        assertThat(h.valid()).as(raw).isFalse();
        assertThat(h.raw()).isEqualTo(raw);
    }

    @Test
    void devicesBeforeTheErrorAreStillReported() {
        HideList h = HideValue.parse("(01:00.0)(0b::00.1)");
        assertThat(h.valid()).isFalse();
        assertThat(h.devices()).containsExactly(PciAddress.parse("01:00.0"));
    }

    @Test
    void kernelLineTakesTheLastOccurrenceAndHonoursQuotes() {
        HideList h = KernelArgs.hideList("ro xen-pciback.hide=(01:00.0) quiet xen-pciback.hide=\"(02:00.0) (03:00.0)\"");
        assertThat(h.raw()).isEqualTo("(02:00.0) (03:00.0)");
        assertThat(h.devices()).containsExactly(PciAddress.parse("02:00.0"), PciAddress.parse("03:00.0"));
        assertThat(KernelArgs.hideList("root=LABEL=x ro quiet")).isEqualTo(HideList.ABSENT);
        assertThat(KernelArgs.hideList("xen-pciback.hidden=(01:00.0)")).isEqualTo(HideList.ABSENT);
    }

    @Test
    void procCmdlineOfWintermuteAfterReboot() {
        String cmdline = "root=LABEL=root-cafyeg ro nolvm hpet=disable xencons=hvc console=hvc0 quiet vga=785 splash "
                + "plymouth.ignore-serial-consoles xen-pciback.hide=(0e:00.0)(01:03.0)\n";
        assertThat(KernelArgs.hideList(cmdline).devices())
                .containsExactly(PciAddress.parse("01:03.0"), PciAddress.parse("0e:00.0"));
    }
}
