package xenpt.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One simulated host for a whole test class, with an SSH client to it:
 * {@code @RegisterExtension static final SimHostExtension sim = new SimHostExtension("wintermute");}.
 * Its state lives in a temporary directory ({@link #dir()}/host) removed afterwards.
 */
final class SimHostExtension implements BeforeAllCallback, AfterAllCallback {

    private final String scenario;
    private Path dir;
    private SimulatedHost host;
    private SshTestClient ssh;

    SimHostExtension(String scenario) {
        this.scenario = scenario;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("xenpt-sim-test");
        host = SimulatedHost.start(scenario, dir.resolve("host"));
        ssh = new SshTestClient(host);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            ssh.close();
            host.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    SshTestClient ssh() {
        return ssh;
    }

    SimulatedHost host() {
        return host;
    }

    /** The temporary directory; the host's state is in its {@code host} subdirectory. */
    Path dir() {
        return dir;
    }
}
