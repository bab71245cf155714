package xenpt.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * A simulated XenServer / XCP-ng host behind a real SSH server on loopback. API contract shared by the simulator
 * and its users (the {@code sim:} address resolver, tests); the implementation lands with the simulator.
 */
public final class SimulatedHost implements AutoCloseable {

    private SimulatedHost() {}

    /**
     * Starts a simulated host for {@code scenario} (the file {@code examples/sim/<scenario>.yaml}, packaged as the
     * classpath resource {@code xenpt/sim/scenarios/<scenario>.yaml}) with its persisted state in {@code stateDir}
     * (created from the scenario when absent, reused otherwise), listening on 127.0.0.1 on an ephemeral port.
     */
    public static SimulatedHost start(String scenario, Path stateDir) throws IOException {
        throw new UnsupportedOperationException("simulator not implemented yet");
    }

    /** The state directory for {@code scenario}: {@code $XENPT_SIM_DIR/<scenario>} or {@code ./.xenpt/sim/<scenario>}. */
    public static Path stateDir(java.util.Map<String, String> env, String scenario) {
        String root = env.get("XENPT_SIM_DIR");
        return (root == null || root.isBlank() ? Path.of(".xenpt", "sim") : Path.of(root)).resolve(scenario);
    }

    public String address() {
        throw new UnsupportedOperationException();
    }

    public int port() {
        throw new UnsupportedOperationException();
    }

    /** {@code SHA256:<base64 without padding>}, as OpenSSH prints it. */
    public String hostKeyFingerprint() {
        throw new UnsupportedOperationException();
    }

    public PublicKey hostKey() {
        throw new UnsupportedOperationException();
    }

    /** An unencrypted OpenSSH private key file that the host accepts for user {@code root}. */
    public Path clientKeyFile() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
