package xenpt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Optional;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy;
import xenpt.desired.SshSettings;
import xenpt.diag.Location;
import xenpt.observed.FleetObserver;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

class ProgressTest {

    private final StringWriter err = new StringWriter();

    private Progress progress(Progress.Mode mode, int total) {
        return new Progress(new PrintWriter(err), mode, "observing", total, 100);
    }

    @Test
    void pipedProgressIsOneLinePerEvent() {
        Progress p = progress(Progress.Mode.LINES, 1);
        p.started("wintermute");
        p.accept("observing wintermute ...");
        p.accept("wintermute: observed in 180 ms");
        p.finished("wintermute");
        p.done();
        assertThat(err.toString()).isEqualTo("observing wintermute ...\nwintermute: observed in 180 ms\n");
    }

    @Test
    void onATerminalOneLiveLineCountsAndNamesTheHostsOpenLongestAndProblemsStay() {
        Progress p = progress(Progress.Mode.LIVE, 3);
        p.started("h017");
        p.started("h042");
        p.started("h100");
        p.finished("h042");
        assertThat(p.line()).isEqualTo("observing 1/3 … waiting on h017, h100");
        p.accept("gone: unreachable: connection refused");
        p.finished("h017");
        p.finished("h100");
        p.done();
        assertThat(err.toString()).contains("\r\033[Kobserving 0/3 … waiting on h017, h042, h100")
                .contains("\r\033[Kgone: unreachable: connection refused\n")
                .contains("\r\033[Kobserving 1/3 … waiting on h017, h100\r\033[Kobserving 2/3 … waiting on h100")
                .contains("\r\033[Kobserving 3/3\r\033[K")
                .endsWith("\r\033[K")
                .doesNotContain("\n\r\033[Kobserving 3/3\n");
        assertThat(err.toString().chars().filter(c -> c == '\n').count()).as("only the problem ends a line").isEqualTo(1);
    }

    @Test
    void theLiveLineNamesAtMostThreeHostsAndFitsTheTerminal() {
        Progress p = new Progress(new PrintWriter(err), Progress.Mode.LIVE, "observing", 200, 40);
        for (int i = 0; i < 5; i++) p.started("host-000" + i);
        assertThat(p.line()).hasSize(39).startsWith("observing 0/200 … waiting on host-0000").endsWith("…");
        Progress wide = progress(Progress.Mode.LIVE, 200);
        for (int i = 0; i < 5; i++) wide.started("h" + i);
        wide.accept("h4: observed in 12 ms");
        assertThat(wide.line()).isEqualTo("observing 0/200 … waiting on h0, h1, h2 (+2) · h4: observed in 12 ms");
    }

    @Test
    void quietShowsOnlyProblems() {
        Progress p = progress(Progress.Mode.QUIET, 2);
        p.started("a");
        p.accept("observing a ...");
        p.accept("b: unreachable: connection refused");
        p.finished("a");
        p.done();
        assertThat(err.toString()).isEqualTo("b: unreachable: connection refused\n");
    }

    @Test
    void aHostIsOpenFromItsConnectionUntilItsSessionClosesOrItsConnectionFails() throws TransportException {
        Progress p = progress(Progress.Mode.LIVE, 2);
        FleetObserver.Connector counted = p.countingSessions(spec -> {
            if (spec.name().equals("down")) throw new TransportException("down: connection refused");
            return new Idle(spec.name());
        });
        HostSession up = counted.connect(host("up"));
        assertThat(p.line()).isEqualTo("observing 0/2 … waiting on up");
        assertThatThrownBy(() -> counted.connect(host("down")))
                .isInstanceOf(TransportException.class);
        assertThat(p.line()).isEqualTo("observing 1/2 … waiting on up");
        up.close();
        assertThat(p.line()).isEqualTo("observing 2/2");
    }

    private static HostSpec host(String name) {
        return new HostSpec(name, "sim:wintermute", SshSettings.DEFAULT, HideMethod.AUTO, Policy.DEFAULT, Optional.empty(),
                List.of(), Location.ofFile("fleet.yaml"));
    }

    /** A session that is never used: only its opening and closing count here. */
    private record Idle(String host) implements HostSession {
        @Override
        public CommandResult run(Command command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CommandResult converse(Command command, String marker, Reply reply) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] readFile(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeFile(String path, byte[] content, int mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
