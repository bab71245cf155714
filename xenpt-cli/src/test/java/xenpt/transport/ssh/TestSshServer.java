package xenpt.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process MINA SSHD server for transport and observer tests: exec requests are answered from canned replies
 * keyed by the exact command string the client sent (so tests see quoting as it arrives), with optional latency.
 * An {@code sh -c} read script runs through the simulator's script runner ({@link xenpt.sim.CannedScript}), each of
 * its commands answered from the same replies. It counts connections, exec channels, and the most channels open at
 * once; {@link #received} lists every command (a script's one by one). Not a simulator: it knows no host semantics.
 */
public final class TestSshServer implements AutoCloseable {

    public record Reply(int exit, String stdout, String stderr) {
        public static Reply ok(String stdout) {
            return new Reply(0, stdout, "");
        }

        public static Reply fail(int exit, String stderr) {
            return new Reply(exit, "", stderr);
        }
    }

    public static final String PASSWORD = "correct horse";

    private final SshServer server;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger channels = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;

    private TestSshServer(Path sftpRoot) throws IOException, GeneralSecurityException {
        hostKey = newKeyPair();
        clientKey = newKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, s) -> user.equals("root") && key.equals(clientKey.getPublic()));
        server.setPasswordAuthenticator((user, pw, s) -> user.equals("root") && pw.equals(PASSWORD));
        server.setCommandFactory((channel, command) -> new Canned(command));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        server.start();
    }

    /** Starts a server on 127.0.0.1 on an ephemeral port; SFTP paths are resolved under {@code sftpRoot}. */
    public static TestSshServer start(Path sftpRoot) throws IOException, GeneralSecurityException {
        return new TestSshServer(sftpRoot);
    }

    public static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    public TestSshServer reply(String command, Reply reply) {
        replies.put(command, reply);
        return this;
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    public int port() {
        return server.getPort();
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    public String hostKeyFingerprint() {
        return KnownHosts.fingerprint(HostKeyCheck.blob(hostKey.getPublic()));
    }

    /** Writes the client's private key as an OpenSSH key file and returns its path. */
    public Path writeClientKey(Path dir) throws IOException, GeneralSecurityException {
        Path file = dir.resolve("id_test");
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", null, out);
        }
        return file;
    }

    /** A target for this server that authenticates with {@code key} and checks the host key against {@code knownHosts}. */
    public SshTarget target(String name, Path key, Path knownHosts) {
        return new SshTarget(name, "127.0.0.1", port(), "root", Optional.of(key), knownHosts, Optional.empty(), Optional.empty());
    }

    public int connections() {
        return connections.get();
    }

    /** Exec requests received (each its own channel). */
    public int channels() {
        return channels.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class Canned implements Command {
        private final String command;
        private InputStream in = InputStream.nullInputStream();
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        Canned(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            channels.incrementAndGet();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            Thread.ofVirtual().start(this::answer);
        }

        private void answer() {
            Reply r = Reply.fail(-1, "");
            try {
                Thread.sleep(latency);
                r = reply();
                out.write(r.stdout().getBytes(StandardCharsets.UTF_8));
                out.flush();
                err.write(r.stderr().getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException | InterruptedException e) {
                // the client went away; nothing to answer
            } finally {
                inFlight.decrementAndGet();
                exit.onExit(r.exit());
            }
        }

        private Reply reply() {
            String script = xenpt.sim.CannedScript.script(command);
            if (script == null) return canned(command);
            var a = xenpt.sim.CannedScript.run(script, in, this::early, c -> {
                Reply r = canned(c);
                return new xenpt.sim.CannedScript.Answer(r.exit(), r.stdout(), r.stderr());
            });
            return new Reply(a.exit(), a.out(), a.err());
        }

        private void early(String o, String e) throws IOException {
            out.write(o.getBytes(StandardCharsets.UTF_8));
            out.flush();
            err.write(e.getBytes(StandardCharsets.UTF_8));
            err.flush();
        }

        private Reply canned(String line) {
            received.add(line);
            return replies.getOrDefault(line, Reply.fail(127, "sh: " + line + ": command not found\n"));
        }

        @Override
        public void destroy(ChannelSession channel) {}
    }
}
