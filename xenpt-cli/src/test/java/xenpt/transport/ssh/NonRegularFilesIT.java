package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.transport.TransportException;

/** A known_hosts or identity file that is a FIFO or a device is refused at once, not read forever (issue 11). */
class NonRegularFilesIT {

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

    /** Connects with the host key pinned in the file (known_hosts unused) or, without a pin, checked in known_hosts. */
    private Throwable connect(Path identity, Path knownHosts, boolean pin) {
        SshTarget t = server.target("wintermute", identity, knownHosts);
        SshTarget pinned = new SshTarget(t.name(), t.host(), t.port(), t.user(), t.identityFile(), t.knownHosts(),
                pin ? Optional.of(server.hostKeyFingerprint()) : Optional.empty(), Optional.empty());
        SshOptions options = new SshOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), false, 8, Map.of());
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowable(() -> SshConnector.connect(pinned, options).close()));
    }

    @Test
    void aFifoAsKnownHostsIsRefused() throws Exception {
        Throwable t = connect(key, fifo(tmp.resolve("known_hosts")), false);
        assertThat(t).isInstanceOf(TransportException.class).hasMessageContaining("is not a regular file");
    }

    @Test
    void aFifoOrDeviceAsIdentityFileIsRefused() throws Exception {
        for (Path identity : new Path[] {fifo(tmp.resolve("id_fifo")), Path.of("/dev/zero")}) {
            Throwable t = connect(identity, tmp.resolve("known_hosts"), true);
            assertThat(t).as("%s", identity).isInstanceOf(TransportException.class)
                    .hasMessageContaining("identity file " + identity + " is not a regular file");
        }
    }

    private static Path fifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is available");
        return p;
    }
}
