package xenpt.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PciAddressTest {

    @ParameterizedTest
    @CsvSource({
        "01:03.0, 0000:01:03.0, 01:03.0",
        "0E:00.0, 0000:0e:00.0, 0e:00.0",
        "0000:0b:00.1, 0000:0b:00.1, 0b:00.1",
        "ffff:ff:1f.7, ffff:ff:1f.7, ff:1f.7",
        "1:2.3, 0000:01:02.3, 01:02.3",
        "abc:de:1a.6, 0abc:de:1a.6, de:1a.6",
    })
    void parsesEitherFormAndPrintsTheFullLowerCaseForm(String text, String full, String shortForm) {
        PciAddress a = PciAddress.parse(text);
        assertThat(a.toString()).isEqualTo(full);
        assertThat(a.shortForm()).isEqualTo(shortForm);
        assertThat(PciAddress.parse(a.toString())).isEqualTo(a);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01:20.0 | device 20 is out of range",
        "01:03.8 | function 8 is out of range",
        "0g:00.0 | not a PCI address",
        "01:03   | not a PCI address",
        "00000:01:03.0 | not a PCI address",
    })
    void rejectsWhatLinuxWouldNotAccept(String text, String message) {
        assertThatThrownBy(() -> PciAddress.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
