package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ChannelGateTest {

    private static long now() {
        return System.nanoTime();
    }

    @Test
    void aRefusalWhileOthersAreOpenLowersTheCapToThem() throws Exception {
        ChannelGate gate = new ChannelGate(32);
        for (int i = 0; i < 11; i++) gate.acquire(now() + 1_000_000_000L);
        assertThat(gate.refusedAtLimit()).isTrue();
        assertThat(gate.cap()).isEqualTo(10);
        gate.release();
        // ten are open: the eleventh waits (here: until its deadline, already passed)
        assertThatThrownBy(() -> gate.acquire(now() - 1)).isInstanceOf(TimeoutException.class);
        gate.release();
        gate.acquire(now() - 1); // a slot is free: no wait, so no timeout either
    }

    @Test
    void aRefusalOfTheOnlyChannelIsReal() throws Exception {
        ChannelGate gate = new ChannelGate(8);
        gate.acquire(now() + 1_000_000_000L);
        assertThat(gate.refusedAtLimit()).isFalse();
        assertThat(gate.cap()).isEqualTo(8);
    }

    @Test
    void theCapNeverRises() throws Exception {
        ChannelGate gate = new ChannelGate(8);
        for (int i = 0; i < 4; i++) gate.acquire(now() + 1_000_000_000L);
        assertThat(gate.refusedAtLimit()).isTrue();
        for (int i = 0; i < 4; i++) gate.release();
        for (int i = 0; i < 3; i++) gate.acquire(now() + 1_000_000_000L);
        assertThat(gate.refusedAtLimit()).isTrue();
        assertThat(gate.cap()).isEqualTo(2);
    }
}
