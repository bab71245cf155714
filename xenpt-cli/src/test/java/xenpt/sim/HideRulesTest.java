package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HideRulesTest {

    @Test
    void acceptsShortAndFullFormsAsTheLinuxDriverDoes() {
        assertThat(HideRules.parse("(0e:00.0)(01:03.0)")).contains(List.of("0000:0e:00.0", "0000:01:03.0"));
        assertThat(HideRules.parse("(0000:0B:00.0) (0000:0b:00.1)")).contains(List.of("0000:0b:00.0", "0000:0b:00.1"));
        assertThat(HideRules.parse("")).contains(List.of());
    }

    @Test
    void anyTypoMeansThePcibackDriverDoesNotLoad() {
        for (String bad : List.of("(0b::00.1)", "(0000:82.0.0)", "(01:00.0", "01:00.0", "(01:00.*)", "(01:20.0)",
                "(01:00.0)x")) {
            assertThat(HideRules.parse(bad)).as(bad).isEqualTo(Optional.empty());
        }
    }
}
