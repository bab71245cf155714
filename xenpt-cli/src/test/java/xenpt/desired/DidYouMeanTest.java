package xenpt.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> HOST_KEYS = List.of("address", "ssh", "method", "policy", "hide", "vms");

    @Test
    void suggestsTheNearestKeyForTyposSwapsAndCase() {
        assertThat(DidYouMean.suggest("adress", HOST_KEYS)).contains("address");
        assertThat(DidYouMean.suggest("hdie", HOST_KEYS)).contains("hide");
        assertThat(DidYouMean.suggest("Method", HOST_KEYS)).contains("method");
        assertThat(DidYouMean.suggest("vmrestart", List.of("reboot", "vmRestart", "prune"))).contains("vmRestart");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(DidYouMean.suggest("colour", HOST_KEYS)).isEmpty();
        assertThat(DidYouMean.suggest("gpus", HOST_KEYS)).isEmpty();
        assertThat(DidYouMean.suggest("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsEditsAndAdjacentSwaps() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }
}
