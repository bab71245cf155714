package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.NegotiatedAlgorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;

/** xenpt and the simulated hosts agree on the fast algorithms (issue 16): curve25519 and AES-GCM, on the JDK's providers (KeyFormatsIT: BouncyCastle's is not registered). */
class SshAlgorithmsIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatorNegotiatesCurve25519AndAesGcm() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                SSHClient ssh = new SSHClient(SshAlgorithms.config())) {
            AtomicReference<NegotiatedAlgorithms> got = new AtomicReference<>();
            ssh.addAlgorithmsVerifier(a -> {
                got.set(a);
                return true;
            });
            ssh.addHostKeyVerifier(sim.hostKeyFingerprint());
            ssh.connect(sim.address(), sim.port());
            assertThat(got.get().getKeyExchangeAlgorithm()).isEqualTo("curve25519-sha256");
            String cipher = "aes128-gcm@openssh.com"; // the JDK has no Poly1305 for chacha20-poly1305 (SshAlgorithms)
            assertThat(got.get().getClient2ServerCipherAlgorithm()).isEqualTo(cipher);
            assertThat(got.get().getServer2ClientCipherAlgorithm()).isEqualTo(cipher);
        }
    }
}
