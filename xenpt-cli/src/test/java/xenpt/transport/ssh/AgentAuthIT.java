package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;
import xenpt.transport.Command;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** ssh-agent authentication against a real OpenSSH ssh-agent and a simulated host. */
class AgentAuthIT {

    @TempDir
    static Path tmp;

    static TestAgent agent;
    static Path ed25519;
    static Path rsa;
    static SimulatedHost sim;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestAgent.available(), "OpenSSH ssh-agent is not installed");
        Files.createDirectories(tmp.resolve("home"));
        agent = TestAgent.start(tmp);
        ed25519 = TestAgent.keygen(tmp, "ed25519", "agent-ed25519");
        rsa = TestAgent.keygen(tmp, "rsa", "agent-rsa");
        agent.add(ed25519);
        agent.add(rsa);
        sim = SimulatedHost.start("wintermute", tmp.resolve("sim"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
        if (agent != null) agent.close();
    }

    /** Replaces the host's authorized keys with exactly these public keys. */
    private static void authorize(Path... keys) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (Path k : keys) lines.append(TestAgent.publicKeyLine(k));
        Files.writeString(sim.stateDirectory().resolve("authorized_keys"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static SshTarget target(Optional<Path> identityFile) {
        return new SshTarget("wintermute", sim.address(), sim.port(), "root", identityFile,
                tmp.resolve("known_hosts"), Optional.of(sim.hostKeyFingerprint()), Optional.empty());
    }

    /** An environment with the agent and an empty home, so no default key file can be what logs in. */
    private static Map<String, String> env(Path agentSocket) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.resolve("home").toString());
        if (agentSocket != null) env.put("SSH_AUTH_SOCK", agentSocket.toString());
        return env;
    }

    private static SshOptions options(Map<String, String> env) {
        return new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), false, 8, env);
    }

    private static String hostname(Map<String, String> env) throws Exception {
        try (HostSession s = SshConnector.connect(target(Optional.empty()), options(env))) {
            return s.run(Command.of("hostname")).stdout();
        }
    }

    @Test
    void ed25519KeyInTheAgentLogsIn() throws Exception {
        authorize(ed25519);
        assertThat(hostname(env(agent.socket()))).isEqualTo("Wintermute\n");
    }

    @Test
    void rsaKeyInTheAgentLogsInWithAnRsaSha2Signature() throws Exception {
        authorize(rsa);
        assertThat(hostname(env(agent.socket()))).isEqualTo("Wintermute\n");
    }

    /**
     * A server that accepts only rsa-sha2-256 for user keys: the connector offers the agent's RSA key under that
     * algorithm (from the server's server-sig-algs) and the agent must sign with SHA-256 (flag 2), or login fails.
     */
    @Test
    void rsaKeyInTheAgentSignsWithSha256WhenThatIsAllTheServerTakes() throws Exception {
        Path authorized = tmp.resolve("rsa_authorized_keys");
        Files.writeString(authorized, TestAgent.publicKeyLine(rsa), StandardCharsets.UTF_8);
        KeyPair hostKey = TestSshServer.newKeyPair();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setSignatureFactories(List.of(BuiltinSignatures.nistp256, BuiltinSignatures.rsaSHA256));
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
        server.start();
        try {
            SshTarget t = new SshTarget("sha256-only", "127.0.0.1", server.getPort(), "root", Optional.empty(),
                    tmp.resolve("known_hosts"), Optional.of(KnownHosts.fingerprint(HostKeyCheck.blob(hostKey.getPublic()))),
                    Optional.empty());
            try (HostSession s = SshConnector.connect(t, options(env(agent.socket())))) {
                assertThat(s).isNotNull();
            }
        } finally {
            server.stop(true);
        }
    }

    @Test
    void withoutTheAgentTheSameSetupFails() throws Exception {
        authorize(ed25519);
        assertThatThrownBy(() -> hostname(env(null)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("no key and no password to try");
    }

    @Test
    void unauthorizedAgentKeysAreNamedInTheFailure() throws Exception {
        authorize(sim.clientKeyFile());
        assertThatThrownBy(() -> hostname(env(agent.socket())))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("authentication as root")
                .hasMessageContaining("ssh-agent key ssh-ed25519 agent-ed25519")
                .hasMessageContaining("ssh-agent key ssh-rsa agent-rsa");
    }

    @Test
    void anUnreachableAgentIsSkippedForThePassword() throws Exception {
        authorize(ed25519);
        Map<String, String> env = env(tmp.resolve("no-such.sock"));
        env.put("SIM_PASSWORD", "wrong");
        SshTarget t = target(Optional.empty());
        SshTarget withPassword = new SshTarget(t.name(), t.host(), t.port(), t.user(), t.identityFile(),
                t.knownHosts(), t.hostKeyPin(), Optional.of("SIM_PASSWORD"));
        assertThatThrownBy(() -> SshConnector.connect(withPassword, options(env)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("ssh-agent at " + tmp.resolve("no-such.sock"))
                .hasMessageContaining("password from $SIM_PASSWORD");
    }

    @Test
    void anIdentityFileTakesPrecedenceOverTheAgent() throws Exception {
        authorize(ed25519);
        // the agent holds the authorized key, but a configured identity file is the only key tried
        assertThatThrownBy(() -> SshConnector.connect(target(Optional.of(sim.clientKeyFile())), options(env(agent.socket()))))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("key " + sim.clientKeyFile())
                .hasMessageNotContaining("ssh-agent");
    }

    @Test
    void agentListsItsKeysAndSignsRsaWithTheRequestedHash() throws Exception {
        try (AgentClient client = AgentClient.connect(agent.socket())) {
            List<AgentIdentity> ids = client.identities();
            assertThat(ids).extracting(AgentIdentity::comment).containsExactly("agent-ed25519", "agent-rsa");
            AgentIdentity key = ids.get(1);
            assertThat(key.keyType()).isEqualTo("ssh-rsa");
            byte[] data = "session data".getBytes(StandardCharsets.UTF_8);
            assertRsaSignature(client.sign(key.blob(), data, AgentClient.SSH_AGENT_RSA_SHA2_256), key, data,
                    "rsa-sha2-256", "SHA256withRSA");
            assertRsaSignature(client.sign(key.blob(), data, AgentClient.SSH_AGENT_RSA_SHA2_512), key, data,
                    "rsa-sha2-512", "SHA512withRSA");
            assertRsaSignature(client.sign(key.blob(), data, 0), key, data, "ssh-rsa", "SHA1withRSA");
        }
    }

    @Test
    void rsaSha2AlgorithmsMapToTheAgentFlags() {
        assertThat(AuthAgentKey.flags("rsa-sha2-256")).isEqualTo(2);
        assertThat(AuthAgentKey.flags("rsa-sha2-512")).isEqualTo(4);
        assertThat(AuthAgentKey.flags("ssh-ed25519")).isZero();
    }

    /** Checks the algorithm named in the SSH signature encoding and verifies the signature with the JDK. */
    private static void assertRsaSignature(byte[] encoded, AgentIdentity key, byte[] data, String algorithm,
            String jdkAlgorithm) throws Exception {
        ByteBuffer sig = ByteBuffer.wrap(encoded);
        assertThat(new String(string(sig), StandardCharsets.US_ASCII)).isEqualTo(algorithm);
        Signature verifier = Signature.getInstance(jdkAlgorithm);
        verifier.initVerify(rsaPublicKey(key.blob()));
        verifier.update(data);
        assertThat(verifier.verify(string(sig))).isTrue();
    }

    private static PublicKey rsaPublicKey(byte[] blob) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(blob);
        string(b); // "ssh-rsa"
        BigInteger e = new BigInteger(string(b));
        BigInteger n = new BigInteger(string(b));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static byte[] string(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return s;
    }
}
