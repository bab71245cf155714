package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * {@link HostSession#converse} over sshj to a MINA server: one channel, the second part of stdin written only once
 * both streams showed the marker, and the transport's failures (a command that ends before it, a timeout, a reply
 * that fails) named as for {@link HostSession#run}.
 */
class ConverseIT {

    /** Echoes the first stdin line as the marker on both streams, then answers each further line until EOF. */
    static final String SCRIPT = """
            IFS= read -r n
            echo "before"
            echo "to stderr" >&2
            echo "$n"
            echo "$n" >&2
            while read -r k u
            do
            echo "got $k"
            done
            """;

    @TempDir
    Path tmp;

    TestSshServer server;
    Path key;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(tmp.resolve("root"));
        server = TestSshServer.start(tmp.resolve("root"));
        key = server.writeClientKey(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HostSession connect(Duration timeout) throws TransportException {
        SshTarget t = server.target("wintermute", key, tmp.resolve("known_hosts"));
        SshTarget pinned = new SshTarget(t.name(), t.host(), t.port(), t.user(), t.identityFile(), t.knownHosts(),
                Optional.of(server.hostKeyFingerprint()), Optional.empty());
        return SshConnector.connect(pinned, new SshOptions(Duration.ofSeconds(10), timeout, false, 8, Map.of()));
    }

    @Test
    void theReplyIsAskedWithBothStreamsUpToTheMarkerAndGoesOnTheSameChannel() throws Exception {
        List<String> asked = new ArrayList<>();
        try (HostSession s = connect(Duration.ofSeconds(10))) {
            CommandResult r = s.converse(Command.of("sh", "-c", SCRIPT).withStdin("M4RK\n"), "M4RK\n", (out, err) -> {
                asked.add(out);
                asked.add(err);
                return "a 1\nb 2\n";
            });
            assertThat(asked).containsExactly("before\nM4RK\n", "to stderr\nM4RK\n");
            assertThat(r).isEqualTo(new CommandResult(r.command(), 0, "before\nM4RK\ngot a\ngot b\n", "to stderr\nM4RK\n"));
            CommandResult none = s.converse(Command.of("sh", "-c", SCRIPT).withStdin("M4RK\n"), "M4RK\n", (o, e) -> "");
            assertThat(none.stdout()).as("nothing to ask: stdin closed at once").isEqualTo("before\nM4RK\n");
        }
        assertThat(server.channels()).isEqualTo(2);
    }

    @Test
    void aCommandThatEndsBeforeTheMarkerIsReturnedAsItIsWithoutAReply() throws Exception {
        try (HostSession s = connect(Duration.ofSeconds(10))) {
            CommandResult r = s.converse(Command.of("sh", "-c", "IFS= read -r n\necho \"half\"\nfalse").withStdin("M\n"),
                    "M\n", (o, e) -> {
                        throw new AssertionError("asked without a marker");
                    });
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stdout()).isEqualTo("half\n");
        }
    }

    @Test
    void aMarkerThatNeverComesTimesOutAndAFailingReplyFailsTheConversation() throws Exception {
        String waits = "IFS= read -r n\nwhile read -r k u\ndo\necho \"$k\"\ndone";
        try (HostSession s = connect(Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> s.converse(Command.of("sh", "-c", waits).withStdin("M\n"), "M\n", (o, e) -> ""))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("wintermute: sh -c ")
                    .hasMessageEndingWith("failed: timed out after 1 s");
            assertThatThrownBy(() -> s.converse(Command.of("sh", "-c", SCRIPT).withStdin("M\n"), "M\n", (o, e) -> {
                throw new TransportException("wintermute: round 1 unreadable");
            })).isInstanceOf(TransportException.class).hasMessage("wintermute: round 1 unreadable");
            assertThat(s.run(Command.of("sh", "-c", "echo \"still here\"")).stdout()).isEqualTo("still here\n");
        }
    }
}
