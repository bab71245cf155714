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

/** xenpt and the simulated hosts agree on the fast algorithms (issue 16): curve25519 and an AEAD cipher. */
class SshAlgorithmsIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatorNegotiatesCurve25519AndChaCha20() throws Exception {
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
            String cipher = "chacha20-poly1305@openssh.com";
            assertThat(got.get().getClient2ServerCipherAlgorithm()).isEqualTo(cipher);
            assertThat(got.get().getServer2ClientCipherAlgorithm()).isEqualTo(cipher);
            assertThat(SecurityUtils.getSecurityProvider()).isEqualTo("BC");
        }
    }
}
