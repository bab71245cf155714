package xenpt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void pipedProgressIsOneLinePerEvent() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err), false);
        p.accept("observing wintermute ...");
        p.accept("wintermute: observed in 180 ms");
        p.done();
        assertThat(err.toString()).isEqualTo("observing wintermute ...\nwintermute: observed in 180 ms\n");
    }

    @Test
    void onATerminalOneLiveLineIsRewrittenAndProblemsStay() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err), true);
        p.accept("observing wintermute ...");
        p.accept("gone: unreachable: connection refused");
        p.accept("wintermute: observed in 180 ms");
        p.done();
        assertThat(err.toString()).isEqualTo("\r\033[Kobserving wintermute ..."
                + "\r\033[Kgone: unreachable: connection refused\n"
                + "\r\033[Kwintermute: observed in 180 ms"
                + "\r\033[K");
    }
}
