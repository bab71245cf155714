package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedReadTest {

    /** Like /dev/zero: as many NUL bytes as asked, forever. */
    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
    }

    @Test
    void anEndlessStreamFailsAtTheBoundInsteadOfFillingMemory() {
        Throwable t = catchThrowable(() -> BoundedRead.readAll(endless(), 1024 * 1024));
        assertThat(t).isInstanceOf(BoundedRead.TooLarge.class).hasMessageStartingWith("more than 1 MiB of output");
    }

    @Test
    void outputUpToTheBoundIsReadWhole() throws Exception {
        byte[] data = new byte[300_000];
        data[299_999] = 7;
        assertThat(BoundedRead.readAll(new ByteArrayInputStream(data), 300_000)).isEqualTo(data);
    }

    @Test
    void readsTogetherCannotBufferMoreThanTheProcessWideBudget() {
        // One read allowed more than the budget is still stopped by the budget, and the budget is returned after.
        Throwable t = catchThrowable(() -> BoundedRead.readAll(endless(), BoundedRead.MAX_IN_FLIGHT * 2));
        assertThat(t).isInstanceOf(BoundedRead.TooLarge.class).hasMessageContaining("buffered at once");
        assertThat(catchThrowable(() -> BoundedRead.readAll(new ByteArrayInputStream(new byte[10]), 100))).isNull();
    }
}
