package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;

/**
 * Identity files in every format ssh-keygen writes log in, and the simulated host's ECDSA host key verifies, on the
 * JDK's own JCE providers: xenpt does not register BouncyCastle's (it cost ~0.3 s of every start-up), so sshj's
 * {@code ECDSA} key factory and BouncyCastle's PEM converter must find what they need without it.
 */
class KeyFormatsIT {

    @TempDir
    static Path tmp;

    static SimulatedHost sim;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "OpenSSH ssh-keygen is not installed");
        sim = SimulatedHost.start("wintermute", tmp.resolve("sim"));
    }

    @AfterAll
    static void stop() {
        if (sim != null) sim.close();
    }

    /** Every format ssh-keygen writes, from a JVM where nothing but xenpt's client ran (the simulator's MINA registers BouncyCastle). */
    @Test
    void everyIdentityFormatLogsInWithoutBouncyCastleAsAProvider() throws Exception {
        List<Path> keys = new ArrayList<>();
        StringBuilder authorized = new StringBuilder();
        for (String[] k : KINDS) {
            Path key = keygen(k[0], k[1]);
            assertThat(Files.readString(key)).startsWith(k[2]);
            keys.add(key);
            authorized.append(Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8));
        }
        Files.writeString(sim.stateDirectory().resolve("authorized_keys"), authorized, StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyFormatsProbe.class.getName(), sim.address(),
                String.valueOf(sim.port()), tmp.resolve("known_hosts").toString(), sim.hostKeyFingerprint()));
        keys.forEach(k -> command.add(k.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> expected = new ArrayList<>();
        keys.forEach(k -> expected.add("ok " + k.getFileName() + ": Wintermute"));
        expected.add("BouncyCastle provider: none");
        assertThat(out.lines()).as(out).containsExactlyElementsOf(expected);
    }

    /** type, ssh-keygen -m format, the file's first line */
    private static final String[][] KINDS = {
        {"ed25519", "openssh", "-----BEGIN OPENSSH PRIVATE KEY-----"},
        {"ecdsa", "openssh", "-----BEGIN OPENSSH PRIVATE KEY-----"},
        {"rsa", "openssh", "-----BEGIN OPENSSH PRIVATE KEY-----"},
        {"rsa", "PEM", "-----BEGIN RSA PRIVATE KEY-----"},
        {"ecdsa", "PEM", "-----BEGIN EC PRIVATE KEY-----"},
        {"rsa", "PKCS8", "-----BEGIN PRIVATE KEY-----"},
        {"ecdsa", "PKCS8", "-----BEGIN PRIVATE KEY-----"},
    };

    private static Path keygen(String type, String format) throws Exception {
        Path key = tmp.resolve("id_" + type + "_" + format);
        if (Files.exists(key)) return key;
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "xenpt-test", "-f",
                key.toString()));
        if (type.equals("rsa")) cmd.addAll(List.of("-b", "2048"));
        if (!format.equals("openssh")) cmd.addAll(List.of("-m", format));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return key;
    }
}
