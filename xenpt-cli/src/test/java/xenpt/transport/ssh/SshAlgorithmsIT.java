package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.NegotiatedAlgorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;

/** xenpt and the simulated hosts agree on the fast algorithms (issue 16): curve25519, AES-GCM on JDK's AES. */
class SshAlgorithmsIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatorNegotiatesCurve25519AndAesGcmWithTheJdksAes() throws Exception {
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
            String cipher = SshAlgorithms.aesInHardware() ? "aes128-gcm@openssh.com" : "chacha20-poly1305@openssh.com";
            assertThat(got.get().getClient2ServerCipherAlgorithm()).isEqualTo(cipher);
            assertThat(got.get().getServer2ClientCipherAlgorithm()).isEqualTo(cipher);
            // AES from the JDK's providers (hardware intrinsics), not BouncyCastle's Java tables
            assertThat(SecurityUtils.getSecurityProvider()).isNull();
            assertThat(SecurityUtils.getCipher("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
        }
    }
}
