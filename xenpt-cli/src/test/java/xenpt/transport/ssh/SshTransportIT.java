package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

class SshTransportIT {

    @TempDir
    Path tmp;

    TestSshServer server;
    Path key;
    Path knownHosts;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(tmp.resolve("root"));
        server = TestSshServer.start(tmp.resolve("root"));
        key = server.writeClientKey(tmp);
        knownHosts = tmp.resolve("ssh/known_hosts");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static SshOptions options(boolean acceptNew) {
        return new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), acceptNew, 8, Map.of());
    }

    private SshTarget pinned() {
        SshTarget t = server.target("wintermute", key, knownHosts);
        return new SshTarget(t.name(), t.host(), t.port(), t.user(), t.identityFile(), t.knownHosts(),
                Optional.of(server.hostKeyFingerprint()), Optional.empty());
    }

    private String knownLine(byte[] blob) {
        return "[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    @Test
    void commandsOnOneSessionRunConcurrentlyOverOneConnection() throws Exception {
        server.latency(Duration.ofMillis(300));
        for (int i = 0; i < 6; i++) server.reply("echo " + i, TestSshServer.Reply.ok("out " + i + "\n"));
        try (HostSession s = SshConnector.connect(pinned(), options(false));
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Command c = Command.of("echo", String.valueOf(i));
                results.add(pool.submit(() -> s.run(c)));
            }
            for (int i = 0; i < 6; i++) assertThat(results.get(i).get().stdout()).isEqualTo("out " + i + "\n");
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.maxInFlight()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void exitCodeAndStderrAreReturnedNotThrown() throws Exception {
        server.reply("xe pci-list", TestSshServer.Reply.fail(1, "Unknown command: pci-list\nFor usage run: 'xe help'\n"));
        try (HostSession s = SshConnector.connect(pinned(), options(false))) {
            CommandResult r = s.run(Command.of("xe", "pci-list"));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.firstErrorLine()).isEqualTo("Unknown command: pci-list");
        }
    }

    @Test
    void quotedArgumentsArriveExactlyAsQuoted() throws Exception {
        Command c = Command.of("xe", "vm-list", "name-label=$(touch x); it's \"q\"");
        String expected = "xe vm-list 'name-label=$(touch x); it'\\''s \"q\"'";
        server.reply(expected, TestSshServer.Reply.ok(""));
        try (HostSession s = SshConnector.connect(pinned(), options(false))) {
            assertThat(s.run(c).exitCode()).isZero();
        }
        assertThat(server.received()).containsExactly(expected);
    }

    @Test
    void unknownHostKeyIsRefusedWithItsFingerprint() {
        assertThatThrownBy(() -> SshConnector.connect(server.target("wintermute", key, knownHosts), options(false)))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("wintermute: connect to 127.0.0.1:" + server.port() + " failed: unknown host key")
                .hasMessageContaining(server.hostKeyFingerprint());
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void acceptNewRecordsTheKeyThenItIsKnown() throws Exception {
        SshConnector.connect(server.target("wintermute", key, knownHosts), options(true)).close();
        assertThat(Files.readString(knownHosts)).isEqualTo(knownLine(HostKeyCheck.blob(server.hostKey().getPublic())));
        try (HostSession s = SshConnector.connect(server.target("wintermute", key, knownHosts), options(false))) {
            assertThat(s.host()).isEqualTo("wintermute");
        }
    }

    @Test
    void changedKeyIsRefusedEvenWithAcceptNew() throws Exception {
        byte[] old = HostKeyCheck.blob(TestSshServer.newKeyPair().getPublic());
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, "# comment\n" + knownLine(old));
        assertThatThrownBy(() -> SshConnector.connect(server.target("wintermute", key, knownHosts), options(true)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("host key changed")
                .hasMessageContaining(KnownHosts.fingerprint(old))
                .hasMessageContaining(server.hostKeyFingerprint())
                .hasMessageContaining("known_hosts:2");
        assertThat(Files.readString(knownHosts)).isEqualTo("# comment\n" + knownLine(old));
    }

    @Test
    void hashedKnownHostsEntryIsHonoured() throws Exception {
        byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(("[127.0.0.1]:" + server.port()).getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        String line = "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash) + " ecdsa-sha2-nistp256 "
                + b64.encodeToString(HostKeyCheck.blob(server.hostKey().getPublic())) + "\n";
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, line);
        SshConnector.connect(server.target("wintermute", key, knownHosts), options(false)).close();
    }

    @Test
    void pinnedFingerprintIsCheckedInsteadOfKnownHosts() throws Exception {
        SshConnector.connect(pinned(), options(false)).close();
        SshTarget wrong = new SshTarget("wintermute", "127.0.0.1", server.port(), "root", Optional.of(key), knownHosts,
                Optional.of("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Optional.empty());
        assertThatThrownBy(() -> SshConnector.connect(wrong, options(true)))
                .hasMessageContaining("host key mismatch")
                .hasMessageContaining(server.hostKeyFingerprint());
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void passwordComesFromTheNamedEnvironmentVariableAndIsNeverPrinted() throws Exception {
        SshTarget t = new SshTarget("wintermute", "127.0.0.1", server.port(), "root", Optional.empty(), knownHosts,
                Optional.of(server.hostKeyFingerprint()), Optional.of("XENPT_PW"));
        Map<String, String> good = Map.of("HOME", tmp.toString(), "XENPT_PW", TestSshServer.PASSWORD);
        SshConnector.connect(t, new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), false, 8, good)).close();
        Map<String, String> bad = Map.of("HOME", tmp.toString(), "XENPT_PW", "wrong-secret-value");
        assertThatThrownBy(() -> SshConnector.connect(t, new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), false, 8, bad)))
                .hasMessageStartingWith("wintermute: authentication as root to 127.0.0.1:" + server.port() + " failed")
                .hasMessageContaining("$XENPT_PW")
                .hasMessageNotContaining("wrong-secret-value");
    }

    @Test
    void refusedConnectionIsWrappedOnceWithHostAndOperation() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SshTarget t = new SshTarget("wintermute", "127.0.0.1", port, "root", Optional.of(key), knownHosts,
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> SshConnector.connect(t, options(false)))
                .isInstanceOf(TransportException.class)
                .hasMessage("wintermute: connect to 127.0.0.1:" + port + " failed: Connection refused");
    }

    @Test
    void filesAreWrittenAndReadOverSftp() throws Exception {
        try (HostSession s = SshConnector.connect(pinned(), options(false))) {
            s.writeFile("/grub.cfg", "set default=0\n".getBytes(StandardCharsets.UTF_8), 0600);
            assertThat(new String(s.readFile("/grub.cfg"), StandardCharsets.UTF_8)).isEqualTo("set default=0\n");
            assertThat(Files.readString(tmp.resolve("root/grub.cfg"))).isEqualTo("set default=0\n");
            assertThatThrownBy(() -> s.readFile("/absent.cfg"))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("wintermute: read /absent.cfg failed: ");
        }
        assertThat(server.connections()).isEqualTo(1);
    }
}
